import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsOptional, Matches, MaxLength } from 'class-validator';
import { FollowPackSource } from '../follow-pack.model';
import { MASTODON_IMPORT_MAX_ROWS } from '../mastodon-csv';

const ID_LIST = { each: true, message: '$property holds something that is not a staff id' };

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

  @Field(() => [ID], { nullable: true, description: 'Tick only these people.' })
  @IsOptional()
  @ArrayMaxSize(MASTODON_IMPORT_MAX_ROWS)
  @Matches(/^\d+$/, ID_LIST)
  include?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Untick these people.' })
  @IsOptional()
  @ArrayMaxSize(MASTODON_IMPORT_MAX_ROWS)
  @Matches(/^\d+$/, ID_LIST)
  exclude?: string[] | null;
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

  @IsOptional()
  @Transform(idList)
  @ArrayMaxSize(MASTODON_IMPORT_MAX_ROWS)
  @Matches(/^\d+$/, ID_LIST)
  include?: string[];

  @IsOptional()
  @Transform(idList)
  @ArrayMaxSize(MASTODON_IMPORT_MAX_ROWS)
  @Matches(/^\d+$/, ID_LIST)
  exclude?: string[];
}
