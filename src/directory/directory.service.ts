import { Injectable } from '@nestjs/common';
import { CommonErrorReason, InvalidInputError } from '../common/errors/domain-error';
import {
  cursorKeyOf,
  decodeCursorKey,
  encodeCursor,
  toConnection,
} from '../common/graphql/connection';
import { CommunitiesService } from '../communities/communities.service';
import { Department } from '../organisations/department.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Site } from '../organisations/site.entity';
import { StaffMember } from '../staff/staff-member.entity';
import { ProfileRow } from '../staff/staff-reads';
import { StaffService } from '../staff/staff.service';
import {
  DIRECTORY_COUNT_CAP,
  DirectorySort,
  RANKED_MATCHES_LIMIT,
  StaffArgs,
  StaffConnection,
} from './dto/staff-filter.input';
import {
  DirectoryCriteria,
  DirectoryKey,
  DirectoryMode,
  DirectoryPage,
  DirectoryRepository,
} from './directory.repository';
import { closeSpellings, MIN_CORRECTED_LENGTH, SearchQuery, searchQuery } from './search-text';

/** A page of the directory and the places its people name, read with them. */
export interface DirectoryResult {
  connection: StaffConnection;
  places: { organisations: Organisation[]; sites: Site[]; departments: Department[] };
}

const NO_PLACES: DirectoryResult['places'] = { organisations: [], sites: [], departments: [] };

/** Directory search: people others may see, matching what was typed and the filters. */
@Injectable()
export class DirectoryService {
  constructor(
    private readonly directory: DirectoryRepository,
    private readonly staff: StaffService,
    private readonly communities: CommunitiesService,
  ) {}

  async search(viewer: StaffMember, args: StaffArgs): Promise<DirectoryResult> {
    const filter = args.filter ?? {};
    const optionalId = (value: number | null | undefined) => value ?? undefined;
    const criteria: DirectoryCriteria = {
      viewer: { id: viewer.id, organisationId: viewer.organisationId },
      query: filter.search ? searchQuery(filter.search, viewer.organisationId) : null,
      organisationId: optionalId(filter.organisationId),
      siteId: optionalId(filter.siteId),
      departmentId: optionalId(filter.departmentId),
      staffGroup: filter.staffGroup ?? undefined,
      platform: filter.platform ?? undefined,
      communityId: optionalId(filter.communityId),
      verifiedOnly: filter.verifiedOnly ?? false,
    };
    if (criteria.communityId !== undefined) {
      // filtering by a community the viewer may not see would reveal who belongs to it
      await this.communities.get(criteria.viewer, { id: criteria.communityId }, 'communityId');
    }
    if (filter.search && criteria.query === null) {
      // typed only punctuation: nothing can match
      return {
        connection: {
          edges: [],
          pageInfo: { hasNextPage: false, endCursor: null },
          totalCount: 0,
          totalCountCapped: false,
          searchLimited: false,
          similarWords: [],
        },
        places: NO_PLACES,
      };
    }
    const after = args.after ? keyFromCursor(args.after) : null;
    const exact = await this.searchOnce(criteria, args, after);
    if (exact.connection.totalCount > 0 || !criteria.query) return exact;
    // Nothing matched as typed: try close spellings of the longer words ("aisa" → "aisha"),
    // from the vocabulary's trigram index — a bounded fallback, never a scan of people.
    const tolerant = await this.withCloseSpellings(criteria.query);
    if (!tolerant) return exact;
    const found = await this.searchOnce({ ...criteria, query: tolerant.query }, args, after);
    return found.connection.totalCount > 0
      ? { ...found, connection: { ...found.connection, similarWords: tolerant.words } }
      : exact;
  }

  private async withCloseSpellings(
    query: SearchQuery,
  ): Promise<{ query: SearchQuery; words: string[] } | null> {
    const words: string[] = [];
    const terms = await Promise.all(
      query.terms.map(async (term) => {
        if (term.word.length < MIN_CORRECTED_LENGTH) return term;
        const alternatives = closeSpellings(
          term.word,
          await this.directory.spellingCandidates(term.word),
        );
        words.push(...alternatives);
        return alternatives.length > 0 ? { ...term, alternatives } : term;
      }),
    );
    return words.length > 0 ? { query: { terms }, words } : null;
  }

  private async searchOnce(
    criteria: DirectoryCriteria,
    args: StaffArgs,
    after: { mode: DirectoryMode; key: DirectoryKey } | null,
  ): Promise<DirectoryResult> {
    if (after?.mode === 'ranked' && !criteria.query) {
      throw new InvalidInputError(
        CommonErrorReason.INVALID_CURSOR,
        'after is not a cursor from this search',
        'after',
      );
    }
    if (after && (after.mode === 'bySurname') !== (args.sort === DirectorySort.SURNAME)) {
      // a page of one order cannot continue another
      throw new InvalidInputError(
        CommonErrorReason.INVALID_CURSOR,
        'after is not a cursor from this search',
        'after',
      );
    }
    const { mode, noneMatch } = after
      ? { mode: after.mode, noneMatch: false }
      : await this.modeFor(criteria, args.sort);
    // the index matches nobody: no page to ask for, whatever the filters
    const page: DirectoryPage = noneMatch
      ? { rows: [], total: 0 }
      : await this.directory.page(criteria, mode, after?.key ?? null, args.first + 1);
    const { rows, scan } = page;
    // a capped scan counts no one unless a bounded count exists (a community's members): its
    // total is what this page found, and not known complete; a page of few sorted matches has
    // counted them already
    const total =
      scan && !scan.counted
        ? Math.min(rows.length, args.first)
        : (page.total ?? (await this.directory.count(criteria, mode, DIRECTORY_COUNT_CAP)));
    const cursorOf = (row: DirectoryKey) =>
      mode === 'ranked'
        ? [row.relevance, row.name, row.id]
        : mode === 'bySurname'
          ? [SURNAME_CURSOR, row.name, row.id]
          : [row.name, row.id];
    const connection = toConnection(
      rows,
      args.first,
      Math.min(total, DIRECTORY_COUNT_CAP),
      cursorOf,
    );
    if (scan?.continueAfter && !connection.pageInfo.hasNextPage) {
      // the scan stopped before the end: the next page goes on from the last person checked
      connection.pageInfo = {
        hasNextPage: true,
        endCursor: encodeCursor(cursorOf(scan.continueAfter)),
      };
    }
    // an uncounted scan's page is never known to be all; a counted one is a page like any other,
    // only perhaps short of `first` while it goes on
    const searchLimited =
      scan !== undefined && !scan.counted && (connection.pageInfo.hasNextPage || after !== null);
    const ids = connection.edges.map((edge) => edge.node.id);
    const profiles = await this.staff.findProfilesByIds(ids);
    const byId = new Map(profiles.map((profile) => [profile.person.id, profile.person]));
    return {
      connection: {
        ...connection,
        // someone erased between the two statements is left out rather than failing the page
        edges: connection.edges.flatMap(({ node, cursor }) => {
          const person = byId.get(node.id);
          return person ? [{ node: person, cursor }] : [];
        }),
        totalCountCapped: total > DIRECTORY_COUNT_CAP || searchLimited,
        searchLimited,
        similarWords: [],
      },
      places: placesOf(profiles),
    };
  }

  /**
   * Rank when the index matches few enough people to rank them all; a broader search (a letter
   * or two, or a word nearly everyone has) is listed by name, which stays fast at any size.
   * `noneMatch`: the index matched nobody at all, so no page need be asked for.
   */
  private async modeFor(
    criteria: DirectoryCriteria,
    sort: DirectorySort,
  ): Promise<{ mode: DirectoryMode; noneMatch: boolean }> {
    if (sort === DirectorySort.SURNAME) return { mode: 'bySurname', noneMatch: false };
    if (sort === DirectorySort.NAME || !criteria.query) return { mode: 'byName', noneMatch: false };
    const matches = await this.directory.matchCount(criteria.query, RANKED_MATCHES_LIMIT);
    return matches <= RANKED_MATCHES_LIMIT
      ? { mode: 'ranked', noneMatch: matches === 0 }
      : { mode: 'byName', noneMatch: false };
  }
}

/** The distinct places the profiles name. */
function placesOf(profiles: ProfileRow[]): DirectoryResult['places'] {
  const distinct = <T extends { id: number }>(places: (T | null)[]) => [
    ...new Map(places.flatMap((place) => (place ? [[place.id, place] as const] : []))).values(),
  ];
  return {
    organisations: distinct(profiles.map((profile) => profile.organisation)),
    sites: distinct(profiles.map((profile) => profile.site)),
    departments: distinct(profiles.map((profile) => profile.department)),
  };
}

// marks a cursor in surname order, whose key is [marker, surname key, id]
const SURNAME_CURSOR = 'surname';

/** The key and order of a cursor this API issued, or BAD_USER_INPUT. */
export function keyFromCursor(cursor: string): { mode: DirectoryMode; key: DirectoryKey } {
  const key = decodeCursorKey(cursor);
  const ranked = cursorKeyOf(key, ['number', 'string', 'id']);
  if (ranked) {
    const [relevance, name, id] = ranked;
    return { mode: 'ranked', key: { relevance, name, id } };
  }
  const bySurname = cursorKeyOf(key, ['string', 'string', 'id']);
  if (bySurname && bySurname[0] === SURNAME_CURSOR) {
    return { mode: 'bySurname', key: { relevance: null, name: bySurname[1], id: bySurname[2] } };
  }
  const byName = cursorKeyOf(key, ['string', 'id']);
  if (byName) return { mode: 'byName', key: { relevance: null, name: byName[0], id: byName[1] } };
  throw new InvalidInputError(
    CommonErrorReason.INVALID_CURSOR,
    'after is not a cursor from this search',
    'after',
  );
}
