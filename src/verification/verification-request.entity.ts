import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum VerificationRequestStatus {
  PENDING = 'PENDING',
  VERIFIED = 'VERIFIED',
  REJECTED = 'REJECTED',
  /** The account's handle changed (or it was hidden) before or after the decision. */
  WITHDRAWN = 'WITHDRAWN',
}

/** How ownership of the account was shown, beyond the communications team's own check. */
export enum ProofMethod {
  /** The code was found on the account's public profile page (its bio). */
  BIO_CODE = 'BIO_CODE',
  /** The Mastodon profile links back to the person's Staff Voices profile with rel="me". */
  REL_ME = 'REL_ME',
}

registerEnumType(VerificationRequestStatus, { name: 'VerificationRequestStatus' });
registerEnumType(ProofMethod, {
  name: 'ProofMethod',
  description: 'How ownership of an account was shown.',
  valuesMap: {
    BIO_CODE: { description: 'The code was found on the public profile page.' },
    REL_ME: { description: 'The Mastodon profile links back with rel="me".' },
  },
});

@ObjectType({ description: 'A request to verify one social account, and its outcome.' })
@Entity('verification_requests')
@Index(['status', 'id'])
export class VerificationRequest {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ name: 'account_id', type: 'integer' })
  accountId: number;

  @Index()
  @Column({ name: 'staff_id', type: 'integer' })
  staffId: number;

  @Column({ name: 'handle_key', type: 'varchar', length: 255 })
  handleKey: string;

  @Field(() => VerificationRequestStatus)
  @Column({ type: 'varchar', length: 16, default: VerificationRequestStatus.PENDING })
  status: VerificationRequestStatus;

  /** Shown to the owner only (the resolver hides it from everyone else). */
  @Column({ name: 'proof_code', type: 'varchar', length: 32 })
  proofCode: string;

  @Field(() => ProofMethod, { nullable: true, description: 'How ownership was shown, if it was.' })
  @Column({ name: 'proof_method', type: 'varchar', length: 16, nullable: true })
  proofMethod: ProofMethod | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'proof_checked_at', type: Date, nullable: true })
  proofCheckedAt: Date | null;

  @Column({ name: 'decided_by_id', type: 'integer', nullable: true })
  decidedById: number | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'decided_at', type: Date, nullable: true })
  decidedAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the communications team rejected it: written for the owner to read.',
  })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
