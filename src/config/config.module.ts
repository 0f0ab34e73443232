import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './app.config';

export const APP_CONFIG = Symbol('APP_CONFIG');

/** The validated configuration, loaded once in main.ts (or by a test) and injected everywhere. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
