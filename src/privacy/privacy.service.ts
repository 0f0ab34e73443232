import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InvalidInputError } from '../common/errors/domain-error';
import { AppConfig } from '../config/app.config';
import { APP_CONFIG } from '../config/config.module';
import { Erasure, PersonalData } from '../database/personal-data';
import { TransactionRunner } from '../database/transaction-runner';
import { StaffService } from '../staff/staff.service';
import { PrivacyErrorReason } from './privacy.errors';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Leavers erased per round of the sweep (each in its own transaction). */
const SWEEP_BATCH = 100;

export const ERASE_CONFIRMATION = 'ERASE';
export const EXPORT_FORMAT = 'staff-voices-personal-data/1';

/**
 * A person's rights over their data: a copy of everything held (every feature that holds any
 * registers with PersonalData), and erasure of all of it, at their request or once a leaver's
 * retention period is over.
 */
@Injectable()
export class PrivacyService {
  private readonly logger = new Logger(PrivacyService.name);

  constructor(
    private readonly personalData: PersonalData,
    private readonly transactions: TransactionRunner,
    private readonly staff: StaffService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Everything held about the person, one section per feature, read in one transaction. */
  async exportFor(staffId: number, now = new Date()): Promise<Record<string, unknown>> {
    const sections = await this.transactions.run((tx) => this.personalData.exportOf(tx, staffId));
    return { format: EXPORT_FORMAT, exportedAt: now.toISOString(), ...sections };
  }

  /** The person's own request: `confirm` must be exactly "ERASE". */
  async eraseMine(staffId: number, confirm: string): Promise<void> {
    if (confirm !== ERASE_CONFIRMATION) {
      throw new InvalidInputError(
        PrivacyErrorReason.ERASE_NOT_CONFIRMED,
        `Type ${ERASE_CONFIRMATION} to confirm that everything about you is to be erased`,
        'confirm',
      );
    }
    await this.erase(staffId, 'request', new Date());
  }

  /** Erases one person from every holder, all in one transaction; false if already gone. */
  async erase(staffId: number, cause: Erasure['cause'], at: Date): Promise<boolean> {
    return this.transactions.run(async (tx) => {
      const [person] = await this.staff.findByIds([staffId], tx);
      if (!person) return false;
      await this.personalData.erase(tx, {
        staffId,
        anonymousReference: `erased:${randomUUID()}`,
        cause,
        at,
      });
      return true;
    });
  }

  /**
   * Erases every leaver deactivated more than LEAVER_RETENTION_DAYS before `now`, then runs the
   * holders' housekeeping. `now` is a parameter so the retention can be tested with a clock
   * moved forward.
   */
  async sweep(now = new Date()): Promise<{ leaversErased: number; housekeeping: number }> {
    const cutoff = new Date(now.getTime() - this.config.privacy.leaverRetentionDays * DAY_MS);
    let leaversErased = 0;
    for (;;) {
      const due = await this.staff.leaversDeactivatedBefore(cutoff, SWEEP_BATCH);
      for (const staffId of due) {
        if (await this.erase(staffId, 'retention', now)) leaversErased += 1;
      }
      if (due.length < SWEEP_BATCH) break;
    }
    const housekeeping = await this.personalData.sweep((work) => this.transactions.run(work), now);
    // counts only: never who
    if (leaversErased > 0 || housekeeping > 0) {
      this.logger.log(
        `Privacy sweep: ${leaversErased} leavers erased, ${housekeeping} rows tidied`,
      );
    }
    return { leaversErased, housekeeping };
  }
}
