import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';

/** How long one second's figures are kept: `since` reaches back at most this far. */
const KEPT_SECONDS = 300;
/** The sampling timer's period: blocks shorter than this are not seen. */
const RESOLUTION_MS = 10;

export interface EventLoopDelaySummary {
  /**
   * The longest time between two ticks of the sampling timer, in milliseconds: the longest turn
   * of the event loop, rounded up by as much as the timer's period (never under RESOLUTION_MS).
   * A turn runs every callback that is ready, so under load it holds several requests' work.
   */
  maxMs: number;
  /** The worst second's 99th percentile of that time. */
  p99Ms: number;
  /** The seconds these figures cover (the current one included). */
  seconds: number;
}

interface Second {
  at: number;
  maxMs: number;
  p99Ms: number;
}

const ms = (nanoseconds: number) => Math.round(nanoseconds / 1e4) / 100;

/**
 * Measures the event-loop delay of this process (`perf_hooks.monitorEventLoopDelay`) one second
 * at a time and keeps the last five minutes, so `/health` can say how long the loop was held
 * over a window (the rule: no request holds it for more than 50 ms) and the bench can ask for
 * the seconds of one scenario.
 */
@Injectable()
export class EventLoopDelay implements OnModuleDestroy {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({
    resolution: RESOLUTION_MS,
  });
  private readonly seconds: Second[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.histogram.enable();
    this.timer = setInterval(() => this.rotate(), 1000);
    this.timer.unref();
  }

  /** Figures for the seconds after `since` (epoch ms; default: the last minute). */
  summary(since = Date.now() - 60_000): EventLoopDelaySummary {
    const kept = this.seconds.filter((second) => second.at > since);
    const current = this.current();
    const all = [...kept, current];
    return {
      maxMs: Math.max(...all.map((second) => second.maxMs)),
      p99Ms: Math.max(...all.map((second) => second.p99Ms)),
      seconds: all.length,
    };
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
    this.histogram.disable();
  }

  private current(): Second {
    // an empty histogram reports its maximum as 0 and its minimum as a huge number
    const sampled = this.histogram.count > 0;
    return {
      at: Date.now(),
      maxMs: sampled ? ms(this.histogram.max) : 0,
      p99Ms: sampled ? ms(this.histogram.percentile(99)) : 0,
    };
  }

  private rotate(): void {
    this.seconds.push(this.current());
    if (this.seconds.length > KEPT_SECONDS) this.seconds.shift();
    this.histogram.reset();
  }
}
