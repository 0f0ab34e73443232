import { Injectable } from '@nestjs/common';
import { InvalidInputError, NotFoundError } from '../common/errors/domain-error';
import { CursorShape, decodeCursor, encodeCursor } from '../common/graphql/connection';
import { parseId } from '../common/graphql/id';
import { communityViewer, CommunitiesService } from '../communities/communities.service';
import { AuthenticatedUser } from '../identity/authenticated-user';
import { LeadersService } from '../leaders/leaders.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { canSeeAccount } from '../social-accounts/account-visibility';
import { Platform } from '../social-accounts/platforms/platform';
import { SocialAccount } from '../social-accounts/social-account.entity';
import { SocialAccountsService } from '../social-accounts/social-accounts.service';
import { StaffMember } from '../staff/staff-member.entity';
import { StaffService } from '../staff/staff.service';
import { followUrlFor } from './follow-links';
import {
  FollowPack,
  FollowPackMember,
  FollowPackMemberConnection,
  FollowPackPlatform,
  FollowPackSource,
} from './follow-pack.model';
import { FollowsRepository } from './follows.repository';
import { MASTODON_IMPORT_MAX_ROWS, mastodonCsvRow } from './mastodon-csv';
import { mastodonAddress } from './follow-links';
import { OrganisationErrorReason } from '../organisations/organisation.errors';
import { FollowErrorReason } from './follow.errors';

export interface PackRequest {
  source: FollowPackSource;
  /** COMMUNITY: community id or slug; TEAM: department id (default: the viewer's). */
  id?: string | null;
  /** Only these are ticked (default: everyone). */
  include?: number[] | null;
  /** These are unticked. */
  exclude?: number[] | null;
}

export interface PackPage {
  first: number;
  after?: string | null;
}

/** A person of a source with their place in its keyset order. */
interface SourceRow {
  id: number;
  key: unknown[];
}

/**
 * Where a pack's people come from, without reading them: its title, file name, counter, and its
 * visible people `limit` at a time after a key of its keyset order (`after`).
 */
interface PackSource {
  title: string;
  fileSlug: string;
  cursorShape: CursorShape;
  total: () => Promise<number>;
  after: (key: unknown[] | null, limit: number) => Promise<SourceRow[]>;
}

const byId = (ids: number[]): SourceRow[] => ids.map((id) => ({ id, key: [id] }));

/** Follow packs: a source's people, ticked or not, in the forms each platform takes. */
@Injectable()
export class FollowPacksService {
  /** People per chunk of a streamed Mastodon CSV (a tuning knob). */
  csvChunk = 500;

  constructor(
    private readonly follows: FollowsRepository,
    private readonly communities: CommunitiesService,
    private readonly leaders: LeadersService,
    private readonly organisations: OrganisationsService,
    private readonly staff: StaffService,
    private readonly accounts: SocialAccountsService,
  ) {}

  /**
   * A page of a pack: `first` people after the cursor in the source's keyset order (never the
   * viewer), their accounts the viewer may see, and the ticked ones' accounts per platform. One
   * short index range and a page of people and accounts, whatever the size of the source.
   */
  async pack(
    user: AuthenticatedUser,
    request: PackRequest,
    page: PackPage,
  ): Promise<{ pack: FollowPack; viewerAccounts: SocialAccount[] }> {
    const source = await this.source(user, request);
    const after = page.after ? decodeCursor(page.after, source.cursorShape) : null;
    const me = user.staff;
    // one more than a page, and one more again in case the viewer is among them
    const rows = (await source.after(after, page.first + 2))
      .filter((row) => row.id !== me.id)
      .slice(0, page.first + 1);
    const pageRows = rows.slice(0, page.first);
    const found = await this.staff.findByIds(pageRows.map((row) => row.id));
    const personById = new Map(found.map((person) => [person.id, person]));
    const listed = pageRows.filter((row) => personById.has(row.id));
    const onPage = listed.map((row) => personById.get(row.id)!);
    const ticked = tickedFilter(request);
    const { accountsOf, viewerAccounts } = await this.pageAccounts(me, onPage);
    const viewerMastodon = viewerAccounts
      .filter((a) => a.platform === Platform.MASTODON)
      .map((a) => a.handle);
    const members: FollowPackMember[] = onPage.map((person) => ({
      person,
      ticked: ticked(person.id),
      accounts: accountsOf.get(person.id) ?? [],
    }));
    const lastRow = pageRows.at(-1);
    const people: FollowPackMemberConnection = {
      edges: members.map((node, i) => ({ node, cursor: encodeCursor(listed[i].key) })),
      pageInfo: {
        hasNextPage: rows.length > page.first,
        endCursor: lastRow ? encodeCursor(lastRow.key) : null,
      },
      totalCount: await source.total(),
    };
    return {
      pack: {
        source: request.source,
        title: source.title,
        people,
        platforms: platformsOf(members, viewerMastodon),
        mastodonCsvPath: csvPath(request),
      },
      viewerAccounts,
    };
  }

  /**
   * The Mastodon follow-import CSV of the ticked people's Mastodon accounts the viewer may see,
   * as its name and its rows a chunk at a time: the source's people `csvChunk` at a time in a
   * keyset order (one short index range each), then their Mastodon accounts, until
   * MASTODON_IMPORT_MAX_ROWS addresses. Neither a statement nor a chunk grows with the source,
   * so a national community's file holds neither the event loop nor a read worker, and memory
   * stays flat. A bad or unknown source is refused here, before anything is written.
   */
  async mastodonCsv(
    user: AuthenticatedUser,
    request: PackRequest,
  ): Promise<{ filename: string; rows: AsyncIterable<string[]>; truncated: () => boolean }> {
    const source = await this.source(user, request);
    const ticked = tickedFilter(request);
    const me = user.staff;
    let truncated = false;
    const accounts = this.follows;
    const chunk = this.csvChunk;
    async function* rows(this: void): AsyncGenerator<string[]> {
      let written = 0;
      for await (const ids of idChunks(source, chunk)) {
        const chosen = ids.filter((id) => id !== me.id && ticked(id));
        for (const account of await accounts.mastodonAccountsOf(chosen)) {
          if (!canSeeAccount(me, account, account.ownerOrganisationId)) continue;
          const address = mastodonAddress(account.handle);
          if (!address) continue;
          if (written === MASTODON_IMPORT_MAX_ROWS) {
            truncated = true;
            return;
          }
          written += 1;
          yield mastodonCsvRow(address);
        }
      }
    }
    const date = new Date().toISOString().slice(0, 10);
    return {
      filename: `staff-voices-${source.fileSlug}-mastodon-follows-${date}.csv`,
      rows: rows(),
      truncated: () => truncated,
    };
  }

  /** A pack's source; refuses one the viewer may not see. */
  private async source(user: AuthenticatedUser, request: PackRequest): Promise<PackSource> {
    const me = user.staff;
    switch (request.source) {
      case FollowPackSource.FOLLOWING:
        return {
          title: 'People you follow',
          fileSlug: 'following',
          cursorShape: ['id'],
          total: async () => (await this.follows.stats([me.id]))[0]?.followingCount ?? 0,
          after: async (key, limit) =>
            byId(
              await this.follows.visibleFolloweeIdsAfter(me.id, (key?.[0] as number) ?? 0, limit),
            ),
        };
      case FollowPackSource.COMMUNITY: {
        const community = await this.community(user, request);
        return {
          title: community.name,
          fileSlug: community.slug,
          cursorShape: ['id'],
          total: () => Promise.resolve(community.memberCount),
          after: async (key, limit) =>
            byId(
              await this.communities.visibleMemberIdsAfter(
                community.id,
                (key?.[0] as number) ?? 0,
                limit,
              ),
            ),
        };
      }
      case FollowPackSource.TEAM: {
        const department = await this.team(me, request);
        return {
          title: department.name,
          fileSlug: `team-${department.id}`,
          cursorShape: ['string', 'id'],
          total: () => this.follows.countDepartmentPeople(department.id),
          after: async (key, limit) => {
            const after = key ? { name: key[0] as string, id: key[1] as number } : null;
            const people = await this.follows.departmentPeopleAfter(department.id, after, limit);
            return people.map((p) => ({ id: p.id, key: [p.name, p.id] }));
          },
        };
      }
      case FollowPackSource.LEADERS: {
        // a short list the communications team sets, in id order
        const ids = (await this.leaders.featuredFor(me))
          .map((l) => l.staffId)
          .sort((a, b) => a - b);
        return {
          title: 'Leaders',
          fileSlug: 'leaders',
          cursorShape: ['id'],
          total: () => Promise.resolve(ids.length),
          after: (key, limit) =>
            Promise.resolve(
              byId(ids.filter((id) => id > ((key?.[0] as number) ?? 0)).slice(0, limit)),
            ),
        };
      }
      default:
        throw new InvalidInputError(
          FollowErrorReason.PACK_SOURCE_REQUIRED,
          'Choose where the pack comes from',
          'source',
        );
    }
  }

  private async community(user: AuthenticatedUser, request: PackRequest) {
    if (!request.id) {
      throw new InvalidInputError(
        FollowErrorReason.PACK_SOURCE_REQUIRED,
        'Choose a community',
        'id',
      );
    }
    const id = parseId(request.id);
    const ref = id !== undefined ? { id } : { slug: request.id };
    return this.communities.get(communityViewer(user), ref, 'id');
  }

  private async team(me: StaffMember, request: PackRequest) {
    const departmentId = request.id ? parseId(request.id) : me.departmentId;
    if (!departmentId) {
      throw new InvalidInputError(
        FollowErrorReason.NO_TEAM,
        'Choose a team: you have no department on your profile',
        'id',
      );
    }
    const [department] = await this.organisations.findDepartmentsByIds([departmentId]);
    if (!department) {
      throw new NotFoundError(OrganisationErrorReason.DEPARTMENT_NOT_FOUND, 'No such team', 'id');
    }
    return department;
  }

  /**
   * A page's people's accounts the viewer may see (canSeeAccount: the one rule), and the
   * viewer's own accounts (their Mastodon handles make the follow links), in one read: a page is
   * at most MAX_PAGE_SIZE people, and never holds the viewer.
   */
  private async pageAccounts(
    viewer: StaffMember,
    people: StaffMember[],
  ): Promise<{ accountsOf: Map<number, SocialAccount[]>; viewerAccounts: SocialAccount[] }> {
    const accounts = await this.accounts.findByStaffIds([...people.map((p) => p.id), viewer.id]);
    const accountsOf = new Map(
      people.map((person, i) => [
        person.id,
        accounts[i].filter((a) => canSeeAccount(viewer, a, person.organisationId)),
      ]),
    );
    return { accountsOf, viewerAccounts: accounts[people.length] };
  }
}

/** A source's people's ids, `size` at a time, each chunk after the last key of the one before. */
async function* idChunks(source: PackSource, size: number): AsyncGenerator<number[]> {
  let key: unknown[] | null = null;
  for (;;) {
    const rows = await source.after(key, size);
    if (rows.length > 0) yield rows.map((row) => row.id);
    if (rows.length < size) return;
    key = rows[rows.length - 1].key;
  }
}

/** The ticked people's accounts per platform, in the platforms' order. */
function platformsOf(members: FollowPackMember[], viewerMastodon: string[]): FollowPackPlatform[] {
  const byPlatform = new Map<Platform, SocialAccount[]>();
  for (const member of members.filter((m) => m.ticked)) {
    for (const account of member.accounts) {
      const list = byPlatform.get(account.platform) ?? [];
      list.push(account);
      byPlatform.set(account.platform, list);
    }
  }
  return Object.values(Platform)
    .filter((platform) => byPlatform.has(platform))
    .map((platform) => {
      const accounts = byPlatform.get(platform)!;
      return {
        platform,
        accounts,
        profileUrls: accounts.map((a) => a.url),
        followUrls: accounts.map((a) => followUrlFor(a, viewerMastodon)),
      };
    });
}

function tickedFilter(request: PackRequest): (id: number) => boolean {
  const include = request.include ? new Set(request.include) : null;
  const exclude = new Set(request.exclude ?? []);
  return (id) => (include === null || include.has(id)) && !exclude.has(id);
}

function csvPath(request: PackRequest): string {
  const query = new URLSearchParams({ source: request.source.toLowerCase() });
  if (request.id) query.set('id', request.id);
  if (request.include) query.set('include', request.include.join(','));
  if (request.exclude?.length) query.set('exclude', request.exclude.join(','));
  return `/api/follow-packs/mastodon.csv?${query.toString()}`;
}
