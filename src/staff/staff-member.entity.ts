import { Field, ID, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { StaffGroup } from './staff-group';

@ObjectType({ description: 'A member of NHS staff and their public profile.' })
@Entity('staff_members')
@Index(['tenantId', 'objectId'], { unique: true })
export class StaffMember {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  /** Entra tenant (`tid`) and object id (`oid`): the person's identity, unique together. */
  @Column({ name: 'tenant_id', type: 'varchar', length: 64, nullable: true })
  tenantId: string | null;

  @Column({ name: 'object_id', type: 'varchar', length: 64, nullable: true })
  objectId: string | null;

  /** Work sign-in name (`preferred_username` / SCIM `userName`), e.g. jane.smith@nhs.net. */
  @Index({ unique: true })
  @Column({ name: 'user_name', type: 'varchar', length: 320, nullable: true })
  userName: string | null;

  /** The provisioning system's id for this person (SCIM `externalId`). */
  @Index()
  @Column({ name: 'external_id', type: 'varchar', length: 255, nullable: true })
  externalId: string | null;

  @Field()
  @Column({ name: 'display_name', type: 'varchar', length: 200 })
  displayName: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'job_title', type: 'varchar', length: 200, nullable: true })
  jobTitle: string | null;

  @Field(() => StaffGroup, { nullable: true })
  @Column({ name: 'staff_group', type: 'varchar', length: 64, nullable: true })
  staffGroup: StaffGroup | null;

  /**
   * The person's TRUSTED organisation only: set by provisioning (SCIM), the tenant map, or its
   * communications team confirming the person's claim. A self-chosen organisation is an
   * organisation claim (identity's organisation_claims) until confirmed, and is never here.
   */
  @Column({ name: 'organisation_id', type: 'integer', nullable: true })
  organisationId: number | null;

  @Column({ name: 'site_id', type: 'integer', nullable: true })
  siteId: number | null;

  @Column({ name: 'department_id', type: 'integer', nullable: true })
  departmentId: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 50, nullable: true })
  pronouns: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  bio: string | null;

  /** False for leavers (SCIM deactivation): hidden at once, data kept until erased. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** When a leaver was deactivated (set by StaffService): erased LEAVER_RETENTION_DAYS later. */
  @Column({ name: 'deactivated_at', type: Date, nullable: true })
  deactivatedAt: Date | null;

  /**
   * Whether others may find this person: derived by the guidance feature's listing rule
   * (src/guidance/listing.ts) whenever a person or the guidance that applies to them changes,
   * in the same transaction. Read through visibleStaffSql() / StaffService.getVisible.
   */
  @Column({ type: 'boolean', default: false, insert: false, update: false })
  listed: boolean;

  /** The guidance document this person last accepted. */
  @Column({ name: 'accepted_guidance_id', type: 'integer', nullable: true })
  acceptedGuidanceId: number | null;

  /** The name the identity provider (token or SCIM) last gave; displayName is the person's own. */
  @Column({ name: 'identity_name', type: 'varchar', length: 200, nullable: true })
  identityName: string | null;

  @Field({
    description: 'Whether this person is in the communications team (app role Comms.Admin).',
  })
  @Column({ name: 'is_comms_admin', type: 'boolean', default: false })
  isCommsAdmin: boolean;

  /** The app role Comms.NationalAdmin, as this person's last token said (NHS-wide administration). */
  @Field({
    description:
      'Whether this person is in the national communications team (app role Comms.NationalAdmin): NHS-wide communities, guidance and the national leaders list.',
  })
  @Column({ name: 'is_national_admin', type: 'boolean', default: false })
  isNationalAdmin: boolean;
  @Field({
    description:
      'Whether this person agreed to be named on leaderboards. Until they do, colleagues see an ' +
      'anonymous entry; they see their own position, and their own communications team sees them.',
  })
  @Column({ name: 'show_on_leaderboard', type: 'boolean', default: false })
  showOnLeaderboard: boolean;

  @Field()
  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;

  /**
   * The directory's search document as plain text (" jane smith staff nurse …"), derived by
   * the directory from the person and their accounts. Never loaded with the person.
   */
  @Column({
    name: 'search_text',
    type: 'text',
    nullable: true,
    select: false,
    insert: false,
    update: false,
  })
  searchText: string | null;
}
