import { ArgsType, Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { ConnectionType, PageArgs } from '../../common/graphql/connection';
import { IdField } from '../../common/graphql/id';
import { Platform } from '../../social-accounts/platforms/platform';
import { StaffGroup } from '../../staff/staff-group';
import { StaffMember } from '../../staff/staff-member.entity';
import { IsPlainText } from '../../staff/plain-text.validator';
import { MAX_SEARCH_LENGTH } from '../search-text';

export const DIRECTORY_COUNT_CAP = 1000;
/**
 * A search of single letters only, or anything within a community too large to start from its
 * members, checks this many people per page (a capped scan); also how many people by name a broad
 * search tests row by row before sorting the index's matches.
 */
export const DIRECTORY_SCAN_WINDOW = 5000;
/** A search matching more people than this is listed by name instead of ranked. */
export const RANKED_MATCHES_LIMIT = 1000;

@InputType({ description: 'What to search for and which people to keep.' })
export class StaffFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Words to find in name, job title, handles or bio; each word matches as a prefix ' +
      `("jan smi" finds Jane Smith). At most ${MAX_SEARCH_LENGTH} characters.`,
  })
  @IsOptional()
  @IsPlainText({ maxLength: MAX_SEARCH_LENGTH })
  search?: string | null;

  @IdField({ of: 'organisation', nullable: true })
  organisationId?: number | null;

  @IdField({ of: 'site', nullable: true })
  siteId?: number | null;

  @IdField({ of: 'department', nullable: true })
  departmentId?: number | null;

  @Field(() => StaffGroup, { nullable: true })
  @IsOptional()
  @IsEnum(StaffGroup, { message: 'staffGroup must be one of the ten national staff groups' })
  staffGroup?: StaffGroup | null;

  @Field(() => Platform, {
    nullable: true,
    description: 'Only people with an account on this platform that you can see.',
  })
  @IsOptional()
  @IsEnum(Platform, { message: 'platform must be one of the listed platforms' })
  platform?: Platform | null;

  @IdField({ of: 'community', nullable: true, description: 'Only members of this community.' })
  communityId?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only people with a verified account that you can see.',
  })
  @IsOptional()
  @IsBoolean()
  verifiedOnly?: boolean | null;
}

export enum DirectorySort {
  RELEVANCE = 'RELEVANCE',
  NAME = 'NAME',
  SURNAME = 'SURNAME',
}
registerEnumType(DirectorySort, {
  name: 'DirectorySort',
  description:
    'RELEVANCE: best matches first (by name with nothing searched). NAME: by name as shown ' +
    '(first name first). SURNAME: by surname — the last word of the name — then by name.',
});

@ArgsType()
export class StaffArgs extends PageArgs {
  @Field(() => DirectorySort, { defaultValue: DirectorySort.RELEVANCE })
  @IsOptional()
  @IsEnum(DirectorySort, { message: 'sort must be RELEVANCE, NAME or SURNAME' })
  sort: DirectorySort = DirectorySort.RELEVANCE;

  @Field(() => StaffFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => StaffFilter)
  filter?: StaffFilter | null;
}

@ObjectType({
  description:
    'A page of the directory. totalCount is counted up to ' +
    `${DIRECTORY_COUNT_CAP.toLocaleString('en-GB')}: when totalCountCapped is true there are ` +
    `more than that (show "${DIRECTORY_COUNT_CAP.toLocaleString('en-GB')}+"); narrow the search. ` +
    'Filtered by a community too large to start from its members, a page holds its members ' +
    `among the next ${DIRECTORY_SCAN_WINDOW.toLocaleString('en-GB')} people in order: possibly ` +
    'fewer than `first` (or none) while hasNextPage is true.',
})
export class StaffConnection extends ConnectionType(StaffMember, 'Staff') {
  @Field({ description: `Whether more people match than totalCount (${DIRECTORY_COUNT_CAP}).` })
  totalCountCapped: boolean;

  @Field({
    description:
      'True when the search could not be checked against everyone at once (every typed word ' +
      'a single letter, which no index holds; a search within a community too large to ' +
      'start from its members; or, on PostgreSQL, a word with many matches and a staff group, ' +
      'platform or verified filter without an organisation, site or department): this page holds the matches among the next ' +
      `${DIRECTORY_SCAN_WINDOW.toLocaleString('en-GB')} people in order only — possibly fewer ` +
      'than `first`, or none — and nobody was counted: totalCount is the number on this page ' +
      '(totalCountCapped true), and when hasNextPage is true, endCursor continues where the ' +
      'check stopped. Show "Showing the first N matches; add more of the name to narrow it".',
  })
  searchLimited: boolean;

  @Field(() => [String], {
    description:
      'Empty when the people listed match the search as typed. Otherwise nothing matched as ' +
      'typed and these close spellings of the typed words (from names, job titles and places) ' +
      'were searched too: show "Showing results for similar spellings: …".',
  })
  similarWords: string[];
}
