import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBase64,
  IsEnum,
  IsInt,
  IsOptional,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { MAX_PAGE_SIZE } from '../../common/graphql/connection';
import { Id, IdField } from '../../common/graphql/id';
import { FollowPackSource } from '../follow-pack.model';
import { MASTODON_IMPORT_MAX_ROWS } from '../mastodon-csv';

/** People on a page of a follow pack unless `first` says otherwise. */
export const PACK_PAGE_SIZE = 50;

@ArgsType()
export class FollowPackArgs {
  @Field(() => FollowPackSource)
  @IsEnum(FollowPackSource)
  source: FollowPackSource;

  @Field(() => ID, {
    nullable: true,
    description: 'COMMUNITY: its id or slug. TEAM: a department id (yours when left out).',
  })
  @IsOptional()
  @MaxLength(80)
  id?: string | null;

  @IdField({ of: 'staff', list: true, nullable: true, description: 'Tick only these people.' })
  @ArrayMaxSize(MASTODON_IMPORT_MAX_ROWS)
  include?: number[] | null;

  @IdField({ of: 'staff', list: true, nullable: true, description: 'Untick these people.' })
  @ArrayMaxSize(MASTODON_IMPORT_MAX_ROWS)
  exclude?: number[] | null;

  @Field(() => Int, {
    defaultValue: PACK_PAGE_SIZE,
    description: `How many people to return (1–${MAX_PAGE_SIZE}).`,
  })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = PACK_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @IsBase64({ urlSafe: true }, { message: 'after is not a cursor from this API' })
  after?: string | null;
}

const idList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : value;

/** `GET /api/follow-packs/mastodon.csv?source=community&id=wenurses&exclude=12,15` */
export class FollowPackCsvQuery {
  @Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @IsEnum(FollowPackSource, { message: 'source must be following, community, team or leaders' })
  source: FollowPackSource;

  @IsOptional()
  @MaxLength(80)
  id?: string;

  // the comma list is split before the ids are parsed (class-transformer runs the top one first)
  @Transform(idList)
  @Id({ of: 'staff', list: true, optional: true })
  @ArrayMaxSize(MASTODON_IMPORT_MAX_ROWS)
  include?: number[];

  @Transform(idList)
  @Id({ of: 'staff', list: true, optional: true })
  @ArrayMaxSize(MASTODON_IMPORT_MAX_ROWS)
  exclude?: number[];
}
