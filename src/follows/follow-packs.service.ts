import { Injectable } from '@nestjs/common';
import { InvalidInputError, NotFoundError } from '../common/errors/domain-error';
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
  FollowPackPlatform,
  FollowPackSource,
} from './follow-pack.model';
import { FollowsRepository } from './follows.repository';
import { MASTODON_IMPORT_MAX_ROWS, mastodonCsvRow } from './mastodon-csv';
import { mastodonAddress } from './follow-links';
import { OrganisationErrorReason } from '../organisations/organisation.errors';
import { FollowErrorReason } from './follow.errors';

/** A page lists at most this many people to tick; the Mastodon CSV takes up to its own limit. */
export const MAX_PACK_PAGE_PEOPLE = 1_000;
const CHUNK = 500; // ids per IN (…) list, well inside both drivers' parameter limits

export interface PackRequest {
  source: FollowPackSource;
  /** COMMUNITY: community id or slug; TEAM: department id (default: the viewer's). */
  id?: string | null;
  /** Only these are ticked (default: everyone). */
  include?: number[] | null;
  /** These are unticked. */
  exclude?: number[] | null;
}

interface ResolvedPack {
  title: string;
  fileSlug: string;
  people: StaffMember[];
  truncated: boolean;
}

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

  async pack(user: AuthenticatedUser, request: PackRequest): Promise<FollowPack> {
    const resolved = await this.resolve(user, request, MAX_PACK_PAGE_PEOPLE);
    const ticked = tickedFilter(request);
    const accountsOf = await this.visibleAccounts(user.staff, resolved.people);
    const viewerMastodon = await this.viewerMastodonHandles(user.staff);
    const people: FollowPackMember[] = resolved.people.map((person) => ({
      person,
      ticked: ticked(person.id),
      accounts: accountsOf.get(person.id) ?? [],
    }));
    const byPlatform = new Map<Platform, SocialAccount[]>();
    for (const member of people.filter((p) => p.ticked)) {
      for (const account of member.accounts) {
        byPlatform.set(account.platform, [...(byPlatform.get(account.platform) ?? []), account]);
      }
    }
    const platforms: FollowPackPlatform[] = Object.values(Platform)
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
    return {
      source: request.source,
      title: resolved.title,
      people,
      tickedCount: people.filter((p) => p.ticked).length,
      truncated: resolved.truncated,
      platforms,
      mastodonCsvPath: csvPath(request),
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
      for await (const ids of source.chunks(chunk)) {
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

  /**
   * Where a pack's people come from, without reading them: its title and file name, and its
   * visible people in chunks of keyset order (`chunks`). Refuses a source the viewer may not see.
   */
  private async source(
    user: AuthenticatedUser,
    request: PackRequest,
  ): Promise<{
    title: string;
    fileSlug: string;
    chunks: (size: number) => AsyncGenerator<number[]>;
  }> {
    const me = user.staff;
    switch (request.source) {
      case FollowPackSource.FOLLOWING:
        return {
          title: 'People you follow',
          fileSlug: 'following',
          chunks: (size) =>
            idChunks((after) => this.follows.visibleFolloweeIdsAfter(me.id, after, size), size),
        };
      case FollowPackSource.COMMUNITY: {
        const community = await this.community(user, request);
        return {
          title: community.name,
          fileSlug: community.slug,
          chunks: (size) =>
            idChunks(
              (after) => this.communities.visibleMemberIdsAfter(community.id, after, size),
              size,
            ),
        };
      }
      case FollowPackSource.TEAM: {
        const department = await this.team(me, request);
        const follows = this.follows;
        return {
          title: department.name,
          fileSlug: `team-${department.id}`,
          chunks: async function* (size) {
            let after: { name: string; id: number } | null = null;
            for (;;) {
              const people = await follows.departmentPeopleAfter(department.id, after, size);
              if (people.length > 0) yield people.map((p) => p.id);
              if (people.length < size) return;
              after = people[people.length - 1];
            }
          },
        };
      }
      case FollowPackSource.LEADERS: {
        // a short list the communications team sets: one chunk
        const ids = (await this.leaders.featuredFor(me)).map((l) => l.staffId);
        return {
          title: 'Leaders',
          fileSlug: 'leaders',
          chunks: async function* () {
            yield ids;
          },
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

  private async resolve(
    user: AuthenticatedUser,
    request: PackRequest,
    limit: number,
  ): Promise<ResolvedPack> {
    const me = user.staff;
    let title: string;
    let fileSlug: string;
    let ids: number[];
    switch (request.source) {
      case FollowPackSource.FOLLOWING:
        title = 'People you follow';
        fileSlug = 'following';
        ids = await this.follows.visibleFolloweeIds(me.id, limit + 1);
        break;
      case FollowPackSource.COMMUNITY: {
        const community = await this.community(user, request);
        title = community.name;
        fileSlug = community.slug;
        ids = await this.communities.visibleMemberIds(community.id, limit + 2);
        break;
      }
      case FollowPackSource.TEAM: {
        const department = await this.team(me, request);
        title = department.name;
        fileSlug = `team-${department.id}`;
        ids = await this.follows.peopleIn('department_id', department.id, {
          exceptId: me.id,
          limit: limit + 1,
          suggestibleOnly: false,
        });
        break;
      }
      case FollowPackSource.LEADERS:
        title = 'Leaders';
        fileSlug = 'leaders';
        ids = (await this.leaders.featuredFor(me)).map((l) => l.staffId);
        break;
      default:
        throw new InvalidInputError(
          FollowErrorReason.PACK_SOURCE_REQUIRED,
          'Choose where the pack comes from',
          'source',
        );
    }
    ids = ids.filter((id) => id !== me.id);
    const truncated = ids.length > limit;
    const people: StaffMember[] = [];
    for (let i = 0; i < Math.min(ids.length, limit); i += CHUNK) {
      people.push(...(await this.staff.findByIds(ids.slice(i, Math.min(i + CHUNK, limit)))));
    }
    people.sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB') || a.id - b.id);
    return { title, fileSlug, people, truncated };
  }

  /** Each person's accounts that the viewer may see (canSeeAccount: the one rule). */
  private async visibleAccounts(
    viewer: StaffMember,
    people: StaffMember[],
    platform?: Platform,
  ): Promise<Map<number, SocialAccount[]>> {
    const result = new Map<number, SocialAccount[]>();
    for (let i = 0; i < people.length; i += CHUNK) {
      const chunk = people.slice(i, i + CHUNK);
      const accounts = await this.accounts.findByStaffIds(chunk.map((p) => p.id));
      chunk.forEach((person, j) => {
        result.set(
          person.id,
          accounts[j].filter(
            (a) =>
              (!platform || a.platform === platform) &&
              canSeeAccount(viewer, a, person.organisationId),
          ),
        );
      });
    }
    return result;
  }

  private async viewerMastodonHandles(viewer: StaffMember): Promise<string[]> {
    const [mine] = await this.accounts.findByStaffIds([viewer.id]);
    return mine.filter((a) => a.platform === Platform.MASTODON).map((a) => a.handle);
  }
}

/** Chunks of ids, `size` at a time, each after the last id of the one before. */
async function* idChunks(
  next: (afterId: number) => Promise<number[]>,
  size: number,
): AsyncGenerator<number[]> {
  let after = 0;
  for (;;) {
    const ids = await next(after);
    if (ids.length > 0) yield ids;
    if (ids.length < size) return;
    after = ids[ids.length - 1];
  }
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
