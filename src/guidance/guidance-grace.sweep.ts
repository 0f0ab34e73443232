import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { LessThanOrEqual } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { touch } from '../database/derived-state';
import { TransactionRunner } from '../database/transaction-runner';
import './guidance.changes';
import { GuidanceDocument } from './guidance-document.entity';

/** How often the sweep looks for grace periods that have ended. */
export const GRACE_SWEEP_INTERVAL_MS = 60_000;

/**
 * When a guidance version's grace period ends, the people who have not accepted it are delisted:
 * the sweep touches the `guidance` topic for that scope, and the listing rule (listing.derived.ts,
 * its one copy) re-applies in the same transaction. Runs every GRACE_SWEEP_INTERVAL_MS.
 */
@Injectable()
export class GuidanceGraceSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(GuidanceGraceSweep.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.sweep().catch((error: unknown) => this.logger.error(error));
    }, GRACE_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Re-applies the listing rule wherever a grace period has ended since the last sweep. */
  async sweep(): Promise<number> {
    return this.transactions.run(async (tx) => {
      const ended = await tx.find(GuidanceDocument, {
        where: { graceSwept: false, graceEndsAt: LessThanOrEqual(this.clock.now()) },
      });
      if (ended.length === 0) return 0;
      await tx.update(
        GuidanceDocument,
        ended.map((document) => document.id),
        { graceSwept: true },
      );
      touch(
        tx,
        'guidance',
        ended.map((document) => ({ organisationId: document.organisationId })),
      );
      return ended.length;
    });
  }
}
