import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Platform } from './platforms/platform';

export enum AccountPurpose {
  PROFESSIONAL = 'PROFESSIONAL',
  PERSONAL = 'PERSONAL',
}

/** Who may see an account: everyone in the NHS directory, my organisation, or only me. */
export enum AccountVisibility {
  NHS_DIRECTORY = 'NHS_DIRECTORY',
  ORGANISATION = 'ORGANISATION',
  ONLY_ME = 'ONLY_ME',
}

export enum VerificationStatus {
  UNVERIFIED = 'UNVERIFIED',
  PENDING = 'PENDING',
  VERIFIED = 'VERIFIED',
  REJECTED = 'REJECTED',
}

registerEnumType(Platform, { name: 'Platform', description: 'A social media platform.' });
registerEnumType(AccountPurpose, { name: 'AccountPurpose' });
registerEnumType(AccountVisibility, {
  name: 'AccountVisibility',
  description: 'Who may see an account.',
  valuesMap: {
    NHS_DIRECTORY: { description: 'Everyone signed in to the NHS directory.' },
    ORGANISATION: { description: 'People in the owner’s organisation.' },
    ONLY_ME: { description: 'Only the owner.' },
  },
});
registerEnumType(VerificationStatus, { name: 'VerificationStatus' });

@ObjectType({ description: 'A social media account registered by a member of staff.' })
@Entity('social_accounts')
@Index(['platform', 'handleKey'], { unique: true })
export class SocialAccount {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ name: 'staff_id', type: 'integer' })
  staffId: number;

  @Field(() => Platform)
  @Column({ type: 'varchar', length: 16 })
  platform: Platform;

  @Field({ description: 'The canonical handle, e.g. @NHSEngland or @name@mastodon.social.' })
  @Column({ type: 'varchar', length: 255 })
  handle: string;

  /** Case-folded handle: the unique key, so one handle belongs to one person. */
  @Column({ name: 'handle_key', type: 'varchar', length: 255 })
  handleKey: string;

  @Field({ description: 'The canonical profile URL.' })
  @Column({ type: 'varchar', length: 2048 })
  url: string;

  @Field(() => AccountPurpose)
  @Column({ type: 'varchar', length: 16, default: AccountPurpose.PROFESSIONAL })
  purpose: AccountPurpose;

  @Field(() => AccountVisibility)
  @Column({ type: 'varchar', length: 16, default: AccountVisibility.NHS_DIRECTORY })
  visibility: AccountVisibility;

  @Field(() => VerificationStatus)
  @Column({
    name: 'verification_status',
    type: 'varchar',
    length: 16,
    default: VerificationStatus.UNVERIFIED,
  })
  verificationStatus: VerificationStatus;

  @Field()
  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
