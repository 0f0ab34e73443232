import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum MetricImportKind {
  METRICS = 'METRICS',
  CAMPAIGN_ACTIVITY = 'CAMPAIGN_ACTIVITY',
}

export enum MetricImportStatus {
  RUNNING = 'RUNNING',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
}

export interface RejectedRow {
  line: number;
  reason: string;
}

const json = {
  to: (value: unknown) => JSON.stringify(value ?? []),
  from: (value: unknown) => {
    if (typeof value !== 'string') return Array.isArray(value) ? value : [];
    try {
      return JSON.parse(value);
    } catch {
      return [];
    }
  },
};

/**
 * One CSV import and its report. RUNNING while rows are written, its heartbeat renewed as it
 * goes; an import still RUNNING whose heartbeat stopped was cut off by a crash and is marked
 * FAILED (its batches rolled back whole).
 */
@Entity('metric_imports')
@Index('IDX_metric_imports_status', ['status'])
@Index('IDX_metric_imports_organisation', ['organisationId', 'id'])
export class MetricImport {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 24 })
  kind: MetricImportKind;

  @Column({ name: 'campaign_id', type: 'integer', nullable: true })
  campaignId: number | null;

  /** The organisation the importer administers; null for a national admin. */
  @Column({ name: 'organisation_id', type: 'integer', nullable: true })
  organisationId: number | null;

  @Column({ name: 'imported_by_staff_id', type: 'integer' })
  importedByStaffId: number;

  @Column({ type: 'varchar', length: 16 })
  status: MetricImportStatus;

  @Column({ name: 'rows_read', type: 'integer', default: 0 })
  rowsRead: number;

  @Column({ name: 'rows_accepted', type: 'integer', default: 0 })
  rowsAccepted: number;

  @Column({ name: 'rows_unchanged', type: 'integer', default: 0 })
  rowsUnchanged: number;

  @Column({ name: 'rows_rejected', type: 'integer', default: 0 })
  rowsRejected: number;

  @Column({ type: 'text', transformer: json })
  rejected: RejectedRow[];

  @Column({ name: 'ignored_columns', type: 'text', transformer: json })
  ignoredColumns: string[];

  @Column({ name: 'started_at', type: Date })
  startedAt: Date;

  @Column({ name: 'finished_at', type: Date, nullable: true })
  finishedAt: Date | null;

  /** Renewed while the import runs: a RUNNING import whose heartbeat is old was cut off. */
  @Column({ name: 'heartbeat_at', type: Date, nullable: true })
  heartbeatAt: Date | null;
}
