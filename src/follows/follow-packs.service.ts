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
import { MASTODON_IMPORT_MAX_ROWS, mastodonFollowCsv } from './mastodon-csv';
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

  /** The Mastodon follow-import CSV of the ticked people's Mastodon accounts the viewer may see. */
  async mastodonCsv(
    user: AuthenticatedUser,
    request: PackRequest,
  ): Promise<{ filename: string; csv: string; truncated: boolean }> {
    const resolved = await this.resolve(user, request, MASTODON_IMPORT_MAX_ROWS);
    const ticked = tickedFilter(request);
    const people = resolved.people.filter((p) => ticked(p.id));
    const accountsOf = await this.visibleAccounts(user.staff, people, Platform.MASTODON);
    const handles = people.flatMap((p) => (accountsOf.get(p.id) ?? []).map((a) => a.handle));
    const date = new Date().toISOString().slice(0, 10);
    return {
      filename: `staff-voices-${resolved.fileSlug}-mastodon-follows-${date}.csv`,
      csv: mastodonFollowCsv(handles),
      truncated: resolved.truncated || handles.length > MASTODON_IMPORT_MAX_ROWS,
    };
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
        if (!request.id) {
          throw new InvalidInputError(
            FollowErrorReason.PACK_SOURCE_REQUIRED,
            'Choose a community',
            'id',
          );
        }
        const id = parseId(request.id);
        const ref = id !== undefined ? { id } : { slug: request.id };
        const community = await this.communities.get(communityViewer(user), ref, 'id');
        title = community.name;
        fileSlug = community.slug;
        ids = await this.communities.visibleMemberIds(community.id, limit + 2);
        break;
      }
      case FollowPackSource.TEAM: {
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
          throw new NotFoundError(
            OrganisationErrorReason.DEPARTMENT_NOT_FOUND,
            'No such team',
            'id',
          );
        }
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
