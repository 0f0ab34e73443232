import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export enum CommunityKind {
  HASHTAG = 'HASHTAG',
  NETWORK = 'NETWORK',
  ACCOUNT = 'ACCOUNT',
}

export enum CommunityScope {
  NHS_WIDE = 'NHS_WIDE',
  ORGANISATION = 'ORGANISATION',
}

registerEnumType(CommunityKind, {
  name: 'CommunityKind',
  description: 'What holds a community together.',
  valuesMap: {
    HASHTAG: { description: 'A hashtag people post under, e.g. #hellomynameis.' },
    NETWORK: { description: 'A professional network with its own chats, e.g. WeNurses.' },
    ACCOUNT: { description: 'An account people follow and share, e.g. NHSMillion.' },
  },
});
registerEnumType(CommunityScope, {
  name: 'CommunityScope',
  description: 'Who may see and join a community.',
  valuesMap: {
    NHS_WIDE: { description: 'Everyone in the NHS directory.' },
    ORGANISATION: { description: 'Only staff of its organisation.' },
  },
});

@ObjectType({
  description: 'A link from a community to somewhere else (its site, a chat, an account).',
})
export class CommunityLink {
  @Field()
  label: string;

  @Field()
  url: string;
}

@ObjectType({ description: 'A community staff can join: a hashtag, a network or an account.' })
@Entity('communities')
export class Community {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'The community’s address in links, e.g. `wenurses`.' })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 80 })
  slug: string;

  @Field()
  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Field(() => CommunityKind)
  @Column({ type: 'varchar', length: 16 })
  kind: CommunityKind;

  @Field(() => CommunityScope)
  @Column({ type: 'varchar', length: 16, default: CommunityScope.NHS_WIDE })
  scope: CommunityScope;

  /** Set when scope is ORGANISATION: only that organisation's staff see and join it. */
  @Column({ name: 'organisation_id', type: 'integer', nullable: true })
  organisationId: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true, description: 'The hashtag, with its #.' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  hashtag: string | null;

  /** JSON array of {label, url}; read through `links` below. */
  @Column({ name: 'links', type: 'text', nullable: true })
  linksJson: string | null;

  @Field(() => Int, { description: 'How many people have joined.' })
  @Column({ name: 'member_count', type: 'integer', default: 0 })
  memberCount: number;

  @Field(() => Date, { nullable: true, description: 'When the communications team archived it.' })
  @Column({ name: 'archived_at', type: Date, nullable: true })
  archivedAt: Date | null;

  @Field()
  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;

  @Field(() => [CommunityLink], { description: 'Its site, chats and accounts.' })
  get links(): CommunityLink[] {
    return this.linksJson ? (JSON.parse(this.linksJson) as CommunityLink[]) : [];
  }
}
