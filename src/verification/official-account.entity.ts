import { Field, ID, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Platform } from '../social-accounts/platforms/platform';

@ObjectType({
  description:
    "An organisation's own account (the trust's X, Facebook, LinkedIn page), registered by its " +
    'communications team: official, and reserved, so nobody registers it as their own.',
})
@Entity('official_accounts')
@Index(['platform', 'handleKey'], { unique: true })
export class OfficialAccount {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ name: 'organisation_id', type: 'integer' })
  organisationId: number;

  @Field(() => Platform)
  @Column({ type: 'varchar', length: 16 })
  platform: Platform;

  @Field()
  @Column({ type: 'varchar', length: 255 })
  handle: string;

  @Column({ name: 'handle_key', type: 'varchar', length: 255 })
  handleKey: string;

  @Field()
  @Column({ type: 'varchar', length: 2048 })
  url: string;

  @Field(() => String, { nullable: true, description: 'e.g. "Main news account".' })
  @Column({ type: 'varchar', length: 120, nullable: true })
  label: string | null;

  /** The communications team's note (why it was registered or reassigned): for the team. */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'registered_by_id', type: 'integer', nullable: true })
  registeredById: number | null;

  @Field({ description: 'When the communications team registered it (verified it as official).' })
  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
