import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../common/errors/domain-error';
import { Connection, decodeCursor, toConnection } from '../common/graphql/connection';
import { touch } from '../database/derived-state';
import { TransactionRunner } from '../database/transaction-runner';
import './community.changes';
import { decodeTimestampCursor } from '../database/portable-sql';
import { isUniqueViolation } from '../database/unique-violation';
import { AuditService } from '../audit/audit.service';
import { mayAdminister } from '../identity/admin-scope';
import { AuthenticatedUser } from '../identity/authenticated-user';
import { OrganisationsService } from '../organisations/organisations.service';
import { StaffService } from '../staff/staff.service';
import { CommunitiesRepository, CommunityQuery, CommunityViewer } from './communities.repository';
import { CommunityMembership, CommunityRole } from './community-membership.entity';
import { Community, CommunityLink, CommunityScope } from './community.entity';
import { CreateCommunityInput } from './dto/create-community.input';
import { slugFrom } from './community-slug';
import { UpdateCommunityInput } from './dto/update-community.input';
import { OrganisationErrorReason } from '../organisations/organisation.errors';
import { CommunityErrorReason } from './community.errors';

const notFound = (field: string) =>
  new NotFoundError(CommunityErrorReason.COMMUNITY_NOT_FOUND, 'No such community', field);

export function communityViewer(user: AuthenticatedUser): CommunityViewer {
  return {
    id: user.staff.id,
    organisationId: user.staff.organisationId,
  };
}

/** Rules for communities: who sees and joins which, and how the communications team curates them. */
@Injectable()
export class CommunitiesService {
  constructor(
    private readonly communities: CommunitiesRepository,
    private readonly organisations: OrganisationsService,
    private readonly staff: StaffService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /**
   * The one rule for who sees a community: NHS-wide, or the viewer's organisation's own. It holds
   * for the communications team too: many organisations share one NHSmail tenant, and a trust's
   * team manages its own organisation-only communities, never another trust's.
   */
  canSee(viewer: CommunityViewer, community: Community): boolean {
    return (
      community.scope === CommunityScope.NHS_WIDE ||
      (community.organisationId !== null && community.organisationId === viewer.organisationId)
    );
  }

  /** A community by id or slug, or NOT_FOUND when there is none or the viewer may not see it. */
  async get(viewer: CommunityViewer, ref: { id?: number; slug?: string }, field = 'id') {
    if (ref.id === undefined && ref.slug === undefined) {
      throw new InvalidInputError(
        CommunityErrorReason.COMMUNITY_NOT_NAMED,
        'Give a community id or slug',
        'id',
      );
    }
    const community =
      ref.id !== undefined
        ? await this.communities.findById(ref.id)
        : await this.communities.findBySlug(ref.slug!.toLowerCase());
    if (!community || !this.canSee(viewer, community)) throw notFound(field);
    return community;
  }

  async list(
    viewer: CommunityViewer,
    query: CommunityQuery,
    first: number,
    after?: string | null,
  ): Promise<Connection<Community>> {
    let key: { name: string; id: number } | null = null;
    if (after) {
      const [name, id] = decodeCursor(after, ['string', 'id']);
      key = { name, id };
    }
    const { rows, total } = await this.communities.page(viewer, query, first, key);
    return toConnection(rows, first, total, (c) => [c.name, c.id]);
  }

  /**
   * Members the viewer may see (leavers and unlisted people are left out). totalCount is the
   * community's member counter (everyone who joined), or an exact count for one role.
   */
  async members(
    community: Community,
    role: CommunityRole | undefined,
    first: number,
    after?: string | null,
  ): Promise<Connection<CommunityMembership>> {
    const cursor = decodeTimestampCursor(after);
    const key = cursor && { joinedAt: cursor.at, staffId: cursor.id };
    const rows = await this.communities.members(community.id, role, first, key);
    const total = role
      ? await this.communities.countMembersWithRole(community.id, role)
      : community.memberCount;
    const connection = toConnection(rows, first, total, (r) => r.key);
    return {
      ...connection,
      edges: connection.edges.map((edge) => ({ ...edge, node: edge.node.membership })),
    };
  }

  membershipsOf(staffIds: readonly number[]) {
    return this.communities.membershipsOf(staffIds);
  }

  membershipsOfViewer(viewerId: number, communityIds: readonly number[]) {
    return this.communities.membershipsOfViewer(viewerId, communityIds);
  }

  findByIds(ids: readonly number[]) {
    return this.communities.findByIds(ids);
  }

  recentCommunityIdsOf(staffId: number, limit: number) {
    return this.communities.recentCommunityIdsOf(staffId, limit);
  }

  recentMemberIds(communityIds: readonly number[], perCommunity: number) {
    return this.communities.recentMemberIds(communityIds, perCommunity);
  }

  /** Members others may see, `limit` at a time in id order after `afterId` (an export's chunk). */
  visibleMemberIdsAfter(communityId: number, afterId: number, limit: number) {
    return this.communities.visibleMemberIdsAfter(communityId, afterId, limit);
  }

  exportOf(tx: EntityManager, staffId: number) {
    return this.communities.exportOf(tx, staffId);
  }

  /** Erasure: the person leaves every community, and those communities' counts are recounted. */
  async eraseMembershipsOf(tx: EntityManager, staffId: number): Promise<void> {
    const communityIds = await this.communities.deleteMembershipsOf(tx, staffId);
    await this.communities.recountMembers(tx, communityIds);
  }

  /**
   * Communities and their memberships at once (the demo), in the caller's transaction, with
   * each community's member counter counted from what was written.
   */
  async importMany(
    tx: EntityManager,
    communities: Partial<Community>[],
    memberships: (community: Community[]) => Partial<CommunityMembership>[],
  ): Promise<Community[]> {
    const saved = await tx.save(
      Community,
      communities.map((c) => tx.create(Community, c)),
    );
    await tx.save(
      CommunityMembership,
      memberships(saved).map((m) => tx.create(CommunityMembership, m)),
      { chunk: 200 },
    );
    await this.communities.recountMembers(
      tx,
      saved.map((c) => c.id),
    );
    return saved;
  }

  async create(admin: AuthenticatedUser, input: CreateCommunityInput): Promise<Community> {
    const organisationId = await this.organisationFor(admin, input.scope, input.organisationId);
    const slug = input.slug ?? slugFrom(input.name);
    const field = input.slug ? 'slug' : 'name';
    const created = this.transactions.run(async (tx) => {
      await this.assertSlugFree(tx, slug, null, field);
      const community = await tx.save(
        Community,
        tx.create(Community, {
          slug,
          name: input.name.trim(),
          kind: input.kind,
          scope: input.scope,
          organisationId,
          description: blankToNull(input.description),
          hashtag: hashtagOf(input.hashtag),
          linksJson: linksJson(input.links),
        }),
      );
      await this.audited(tx, admin, 'community.create', community, null);
      return community;
    });
    // the unique index on slug settles a race the read above cannot see
    return created.catch(slugRace(slug, field));
  }

  async update(admin: AuthenticatedUser, input: UpdateCommunityInput): Promise<Community> {
    const updated = this.transactions.run(async (tx) => {
      const community = await this.administered(tx, admin, input.id, 'id');
      const before = auditedCommunity(community);
      if (input.scope !== undefined || input.organisationId !== undefined) {
        const scope = input.scope ?? community.scope;
        const organisationRef =
          input.organisationId !== undefined
            ? input.organisationId
            : scope === CommunityScope.ORGANISATION && community.organisationId !== null
              ? community.organisationId
              : null;
        community.organisationId = await this.organisationFor(admin, scope, organisationRef);
        community.scope = scope;
      }
      if (input.slug !== undefined && input.slug !== community.slug) {
        await this.assertSlugFree(tx, input.slug, community.id, 'slug');
        community.slug = input.slug;
      }
      if (input.name !== undefined) community.name = input.name.trim();
      if (input.kind !== undefined) community.kind = input.kind;
      if (input.description !== undefined) community.description = blankToNull(input.description);
      if (input.hashtag !== undefined) community.hashtag = hashtagOf(input.hashtag);
      if (input.links !== undefined) community.linksJson = linksJson(input.links);
      const saved = await tx.save(Community, community);
      await this.audited(tx, admin, 'community.update', saved, before);
      return saved;
    });
    return input.slug ? updated.catch(slugRace(input.slug, 'slug')) : updated;
  }

  /** Archived communities take no new members and leave the list; their pages still answer. */
  async setArchived(admin: AuthenticatedUser, id: number, archived: boolean): Promise<Community> {
    return this.transactions.run(async (tx) => {
      const community = await this.administered(tx, admin, id, 'id');
      const before = auditedCommunity(community);
      if (archived && !community.archivedAt) community.archivedAt = new Date();
      if (!archived) community.archivedAt = null;
      const saved = await tx.save(Community, community);
      const action = archived ? 'community.archive' : 'community.unarchive';
      await this.audited(tx, admin, action, saved, before);
      return saved;
    });
  }

  /**
   * A community this admin may change (admin-scope.ts): an NHS-wide one needs
   * Comms.NationalAdmin, an organisation's its confirmed Comms.Admin. One they cannot even see is
   * NOT_FOUND; one they see but may not administer (NHS-wide, for a trust's team) is FORBIDDEN.
   */
  private async administered(
    tx: EntityManager,
    admin: AuthenticatedUser,
    id: number,
    field: string,
  ): Promise<Community> {
    const community = await this.communities.findById(id, tx);
    const mayAct = community !== null && mayAdminister(admin, community.organisationId);
    if (!community || (!mayAct && !this.canSee(communityViewer(admin), community))) {
      throw notFound(field);
    }
    if (!mayAct) {
      throw new ForbiddenError(
        CommunityErrorReason.NATIONAL_ADMIN_REQUIRED,
        'NHS-wide communities are curated by the national team (Comms.NationalAdmin)',
        field,
      );
    }
    return community;
  }

  private audited(
    tx: EntityManager,
    admin: AuthenticatedUser,
    action: string,
    community: Community,
    before: ReturnType<typeof auditedCommunity> | null,
  ) {
    return this.audit.record(tx, {
      actorId: admin.staff.id,
      action,
      targetType: 'community',
      targetId: community.id,
      organisationId: community.organisationId,
      before,
      after: auditedCommunity(community),
    });
  }

  /** Idempotent: joining twice changes nothing. */
  async join(viewer: CommunityViewer, communityId: number): Promise<Community> {
    return this.transactions.run(async (tx) => {
      const community = await this.communities.findById(communityId, tx);
      if (!community || !this.canSee(viewer, community)) {
        throw notFound('communityId');
      }
      this.assertJoinable(community, viewer.organisationId, 'communityId');
      const added = await this.communities.insertMembership(
        tx,
        communityId,
        viewer.id,
        CommunityRole.MEMBER,
      );
      if (added) await this.communities.adjustMemberCount(tx, communityId, 1);
      return (await this.communities.findById(communityId, tx))!;
    });
  }

  /** Idempotent: leaving a community you are not in changes nothing. */
  async leave(viewer: CommunityViewer, communityId: number): Promise<Community> {
    return this.transactions.run(async (tx) => {
      const community = await this.communities.findById(communityId, tx);
      const member =
        community && (await this.communities.findMembership(communityId, viewer.id, tx));
      // someone moved to another organisation may still leave its community
      if (!community || (!member && !this.canSee(viewer, community))) {
        throw notFound('communityId');
      }
      if (await this.communities.deleteMembership(tx, communityId, viewer.id)) {
        await this.communities.adjustMemberCount(tx, communityId, -1);
        touch(tx, 'communities', [{ communityId, staffId: viewer.id }]);
      }
      return (await this.communities.findById(communityId, tx))!;
    });
  }

  /** Comms.Admin names organisers and champions; a person not yet in the community joins it. */
  async setMemberRole(
    admin: AuthenticatedUser,
    communityId: number,
    staffId: number,
    role: CommunityRole,
  ): Promise<CommunityMembership> {
    const person = await this.staff.getVisible(staffId, null, 'staffId');
    return this.transactions.run(async (tx) => {
      const community = await this.administered(tx, admin, communityId, 'communityId');
      const existing = await this.communities.findMembership(communityId, staffId, tx);
      await this.audit.record(tx, {
        actorId: admin.staff.id,
        action: 'community.memberRole.set',
        targetType: 'community',
        targetId: community.id,
        organisationId: community.organisationId,
        before: { staffId, role: existing?.role ?? null },
        after: { staffId, role },
      });
      if (!existing) {
        this.assertJoinable(community, person.organisationId, 'staffId');
        await this.communities.insertMembership(tx, communityId, staffId, role);
        await this.communities.adjustMemberCount(tx, communityId, 1);
      } else {
        await this.communities.setRole(tx, communityId, staffId, role);
      }
      touch(tx, 'communities', [{ communityId, staffId }]);
      return (await this.communities.findMembership(communityId, staffId, tx))!;
    });
  }

  private assertJoinable(community: Community, organisationId: number | null, field: string) {
    if (community.archivedAt) {
      throw new InvalidInputError(
        CommunityErrorReason.COMMUNITY_ARCHIVED,
        `${community.name} is archived: it takes no new members`,
        field,
      );
    }
    if (
      community.scope === CommunityScope.ORGANISATION &&
      community.organisationId !== organisationId
    ) {
      throw new InvalidInputError(
        CommunityErrorReason.COMMUNITY_ORGANISATION_ONLY,
        `${community.name} is only for its organisation’s staff`,
        field,
      );
    }
  }

  private async organisationFor(
    admin: AuthenticatedUser,
    scope: CommunityScope,
    organisationId: number | null | undefined,
  ): Promise<number | null> {
    if (scope === CommunityScope.NHS_WIDE) {
      if (organisationId) {
        throw new InvalidInputError(
          CommunityErrorReason.NHS_WIDE_HAS_NO_ORGANISATION,
          'An NHS-wide community has no organisation: choose ORGANISATION scope or leave it out',
          'organisationId',
        );
      }
      if (!mayAdminister(admin, null)) {
        throw new ForbiddenError(
          CommunityErrorReason.NATIONAL_ADMIN_REQUIRED,
          'NHS-wide communities are curated by the national team (Comms.NationalAdmin)',
          'scope',
        );
      }
      return null;
    }
    if (!organisationId) {
      throw new InvalidInputError(
        CommunityErrorReason.ORGANISATION_REQUIRED,
        'Choose the organisation an organisation-only community belongs to',
        'organisationId',
      );
    }
    const [organisation] = await this.organisations.findOrganisationsByIds([organisationId]);
    if (!organisation) {
      throw new InvalidInputError(
        OrganisationErrorReason.ORGANISATION_NOT_FOUND,
        'No such organisation',
        'organisationId',
      );
    }
    if (!mayAdminister(admin, organisation.id)) {
      throw new ForbiddenError(
        CommunityErrorReason.NOT_YOUR_ORGANISATION,
        'An organisation-only community can only be for your own organisation',
        'organisationId',
      );
    }
    return organisation.id;
  }

  private async assertSlugFree(
    tx: EntityManager,
    slug: string,
    exceptId: number | null,
    field: string,
  ) {
    if (!slug) {
      throw new InvalidInputError(
        CommunityErrorReason.SLUG_EMPTY,
        'The name needs at least one letter or digit',
        field,
      );
    }
    const other = await this.communities.findBySlug(slug, tx);
    if (other && other.id !== exceptId) throw slugTaken(slug, field);
  }
}

function slugTaken(slug: string, field: string): InvalidInputError {
  return new InvalidInputError(
    CommunityErrorReason.SLUG_TAKEN,
    `Another community already uses the address “${slug}”: choose another slug`,
    field,
  );
}

function slugRace(slug: string, field: string) {
  return (error: unknown): never => {
    throw isUniqueViolation(error) ? slugTaken(slug, field) : error;
  };
}

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function hashtagOf(value: string | null | undefined): string | null {
  const trimmed = value?.trim().replace(/^#/, '');
  return trimmed ? `#${trimmed}` : null;
}

function linksJson(links: CommunityLink[] | null | undefined): string | null {
  if (!links?.length) return null;
  return JSON.stringify(links.map(({ label, url }) => ({ label: label.trim(), url })));
}

/** What the audit log keeps of a community. */
function auditedCommunity(c: Community) {
  return {
    slug: c.slug,
    name: c.name,
    kind: c.kind,
    scope: c.scope,
    organisationId: c.organisationId,
    description: c.description,
    hashtag: c.hashtag,
    links: c.linksJson,
    archived: c.archivedAt !== null,
  };
}
