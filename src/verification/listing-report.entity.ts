import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Platform } from '../social-accounts/platforms/platform';

export enum ListingReportKind {
  WRONG_PERSON = 'WRONG_PERSON',
  IMPERSONATION = 'IMPERSONATION',
  ABUSE = 'ABUSE',
}

export enum ListingReportStatus {
  OPEN = 'OPEN',
  /** Looked at; nothing to change. */
  DISMISSED = 'DISMISSED',
  /** The account is now seen by its owner only. */
  HIDDEN = 'HIDDEN',
  /** The account was removed: its handle is free. */
  REMOVED = 'REMOVED',
}

/** What the communications team decided. */
export enum ListingReportResolution {
  DISMISS = 'DISMISS',
  HIDE = 'HIDE',
  REMOVE = 'REMOVE',
}

registerEnumType(ListingReportKind, {
  name: 'ListingReportKind',
  valuesMap: {
    WRONG_PERSON: { description: 'The account is not this person’s.' },
    IMPERSONATION: { description: 'Someone is pretending to be this person or organisation.' },
    ABUSE: { description: 'The account is abusive or breaks the guidance.' },
  },
});
registerEnumType(ListingReportStatus, { name: 'ListingReportStatus' });
registerEnumType(ListingReportResolution, { name: 'ListingReportResolution' });

@ObjectType({ description: 'A report of a wrong or abusive listing, and its outcome.' })
@Entity('listing_reports')
@Index(['status', 'id'])
export class ListingReport {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  /** Null once the account was removed. */
  @Index()
  @Column({ name: 'account_id', type: 'integer', nullable: true })
  accountId: number | null;

  @Index()
  @Column({ name: 'subject_staff_id', type: 'integer' })
  subjectStaffId: number;

  @Field(() => Platform)
  @Column({ type: 'varchar', length: 16 })
  platform: Platform;

  @Field({ description: 'The handle as it was when reported.' })
  @Column({ type: 'varchar', length: 255 })
  handle: string;

  @Column({ name: 'reporter_id', type: 'integer' })
  reporterId: number;

  @Field(() => ListingReportKind)
  @Column({ type: 'varchar', length: 16 })
  kind: ListingReportKind;

  @Field()
  @Column({ type: 'text' })
  reason: string;

  @Field(() => ListingReportStatus)
  @Column({ type: 'varchar', length: 16, default: ListingReportStatus.OPEN })
  status: ListingReportStatus;

  @Field(() => String, { nullable: true, description: 'The communications team’s note.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'resolved_by_id', type: 'integer', nullable: true })
  resolvedById: number | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'resolved_at', type: Date, nullable: true })
  resolvedAt: Date | null;

  @Field()
  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
