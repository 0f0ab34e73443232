import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** One person's erasure, as every holder sees it. */
export interface Erasure {
  staffId: number;
  /**
   * Stands for the person where a record must outlive them (an audit entry keeps "who did it"):
   * random, the same for every holder within one erasure, and linked to nothing else.
   */
  anonymousReference: string;
  /** Why: the person asked (`'request'`), or a leaver's retention period ended (`'retention'`). */
  cause: 'request' | 'retention';
  at: Date;
}

/**
 * A feature that holds personal data in its tables. It says which tables those are, what of
 * them goes into the person's export, and how it erases the person from them. Both run inside
 * the caller's transaction (export: a consistent read; erasure: all or nothing, with derived
 * values settling before commit through `touch`, like any other write).
 */
export interface PersonalDataHolder {
  /** The feature, in errors and in docs/privacy.md: `'follows'`. */
  owner: string;
  /** Every table of the feature that holds anything about a person. */
  tables: readonly string[];
  /**
   * The key of its part of the export (`'follows'`), or absent when nothing in it is worth
   * handing back (a tombstone, a derived index): then only erase runs.
   */
  section?: string;
  export?(tx: EntityManager, staffId: number): Promise<unknown>;
  /** Deletes (or anonymises) everything of the person in `tables`. */
  erase(tx: EntityManager, erasure: Erasure): Promise<void>;
  /**
   * `'record'` for the staff record itself (staff_members), erased after every other holder so
   * their rows referencing it go first; everything else is `'dependent'` (the default).
   */
  stage?: 'dependent' | 'record';
  /**
   * Housekeeping the privacy sweep runs now and then (`npm run privacy:sweep`, and on a timer
   * in the server): forgetting what has outlived its purpose. Returns how many rows it removed.
   */
  sweep?(tx: EntityManager, now: Date): Promise<number>;
}

/**
 * The registry of personal data: each feature registers what it holds (in a provider named
 * `*.personal-data.ts`, in its module), so an export or an erasure covers every table without a
 * central list anyone can forget. Tables that hold nothing about a person are declared too,
 * with `impersonal`, so a test can prove every table in the database is accounted for.
 * See docs/privacy.md.
 */
@Injectable()
export class PersonalData {
  private readonly holders: PersonalDataHolder[] = [];
  // deferred_work holds keys (staff ids) of work queued for a moment, nothing about anyone
  private readonly impersonalTables = new Map<string, string>([
    ['migrations', 'database'],
    ['deferred_work', 'database'],
  ]);

  register(holder: PersonalDataHolder): void {
    for (const table of holder.tables) {
      const claimant = this.claimantOf(table);
      if (claimant) throw new Error(`Table ${table} is claimed by ${claimant} and ${holder.owner}`);
    }
    if (holder.section && this.holders.some((h) => h.section === holder.section)) {
      throw new Error(`Two personal-data holders export the section ${holder.section}`);
    }
    if (holder.section && !holder.export) {
      throw new Error(`${holder.owner} names the section ${holder.section} but exports nothing`);
    }
    this.holders.push(holder);
  }

  /** Tables of `owner` that hold nothing about any one person (reference data, settings). */
  impersonal(owner: string, tables: readonly string[]): void {
    for (const table of tables) {
      const claimant = this.claimantOf(table);
      if (claimant) throw new Error(`Table ${table} is claimed by ${claimant} and ${owner}`);
      this.impersonalTables.set(table, owner);
    }
  }

  /** Which feature accounts for each table, and whether it holds personal data. */
  tables(): Map<string, { owner: string; personal: boolean }> {
    const map = new Map<string, { owner: string; personal: boolean }>();
    for (const holder of this.holders) {
      for (const table of holder.tables) map.set(table, { owner: holder.owner, personal: true });
    }
    for (const [table, owner] of this.impersonalTables) map.set(table, { owner, personal: false });
    return map;
  }

  /** Everything held about the person, one section per holder, in the caller's transaction. */
  async exportOf(tx: EntityManager, staffId: number): Promise<Record<string, unknown>> {
    const sections: Record<string, unknown> = {};
    for (const holder of this.ordered()) {
      if (holder.section && holder.export) {
        sections[holder.section] = await holder.export(tx, staffId);
      }
    }
    return sections;
  }

  /**
   * Erases the person from every holder's tables in the caller's transaction (which must be
   * TransactionRunner.run's, so counters and documents derived from the rows follow).
   */
  async erase(tx: EntityManager, erasure: Erasure): Promise<void> {
    const ordered = this.ordered();
    for (const holder of ordered.filter((h) => (h.stage ?? 'dependent') === 'dependent')) {
      await holder.erase(tx, erasure);
    }
    for (const holder of ordered.filter((h) => h.stage === 'record')) {
      await holder.erase(tx, erasure);
    }
  }

  /** Every holder's housekeeping, each in its own transaction (`run`), for the privacy sweep. */
  async sweep(
    run: <T>(work: (tx: EntityManager) => Promise<T>) => Promise<T>,
    now: Date,
  ): Promise<number> {
    let removed = 0;
    for (const holder of this.holders) {
      if (holder.sweep) removed += await run((tx) => holder.sweep!(tx, now));
    }
    return removed;
  }

  private ordered(): PersonalDataHolder[] {
    // the record first in an export (it reads best), last in an erasure
    return [...this.holders].sort(
      (a, b) => Number(b.stage === 'record') - Number(a.stage === 'record'),
    );
  }

  private claimantOf(table: string): string | undefined {
    return (
      this.holders.find((h) => h.tables.includes(table))?.owner ?? this.impersonalTables.get(table)
    );
  }
}
