import { Global, Injectable, Module } from '@nestjs/common';

/** The time, from one place: tests move it forward (`jest.spyOn(app.get(Clock), 'now')`). */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
