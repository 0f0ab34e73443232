import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, LessThan, MoreThan, Not, Repository } from 'typeorm';
import { InvalidInputError, NotFoundError } from '../common/errors/domain-error';
import { TransactionRunner } from '../database/transaction-runner';
import { touch } from '../database/derived-state';
import { Department } from '../organisations/department.entity';
import { Site } from '../organisations/site.entity';
import { UpdateMyProfileInput } from './dto/update-my-profile.input';
import { StaffMember } from './staff-member.entity';
import { ProfileRow, StaffReads } from './staff-reads';
import { ListingRule, ListingScope, StaffRepository } from './staff.repository';
import './staff.changes';
import { StaffErrorReason } from './staff.errors';

export type NewStaffMember = Partial<
  Omit<
    StaffMember,
    | 'id'
    | 'createdAt'
    | 'updatedAt'
    | 'listed'
    | 'searchText'
    | 'acceptedGuidanceId'
    | 'deactivatedAt'
  >
> &
  Pick<StaffMember, 'displayName'>;

/** What other features may change on a person: never a value derived from the rest. */
export type StaffUpdate = Partial<
  Omit<StaffMember, 'id' | 'createdAt' | 'updatedAt' | 'listed' | 'searchText' | 'deactivatedAt'>
>;

/**
 * The owner of staff_members: the only writer of its rows. Every write touches 'staff', so
 * values derived from a person (their listing, their search document) follow in the same
 * transaction (see DerivedState); derived columns are written only through the methods below
 * that their owners call.
 */
@Injectable()
export class StaffService {
  constructor(
    @InjectRepository(StaffMember) private readonly staff: Repository<StaffMember>,
    private readonly staffRepository: StaffRepository,
    private readonly reads: StaffReads,
    private readonly transactions: TransactionRunner,
  ) {}

  /**
   * A person others may see: active (leavers vanish at once) and listed (accepted the current
   * guidance). The person themself always sees themself. SQL lists use `visibleStaffSql()`.
   * `field` names the input that gave the id, for the NOT_FOUND.
   */
  async getVisible(id: number, viewer?: { id: number } | null, field = 'id'): Promise<StaffMember> {
    // the person's row alone: a follow, a join or a leader check needs none of their places
    const person = Number.isSafeInteger(id) ? await this.reads.byId(id) : null;
    return visibleOrNotFound(person, viewer, field);
  }

  /** getVisible's person with the organisation, site and department they name, in one read. */
  async getVisibleProfile(
    id: number,
    viewer?: { id: number } | null,
    field = 'id',
  ): Promise<ProfileRow> {
    const profile = Number.isSafeInteger(id) ? await this.reads.profile(id) : null;
    visibleOrNotFound(profile?.person ?? null, viewer, field);
    return profile!;
  }

  /** The person signed in with this identity (Entra tenant id and object id), if any. */
  findByIdentity(tenantId: string, objectId: string): Promise<StaffMember | null> {
    return this.reads.byIdentity(tenantId, objectId);
  }

  /** The ids of everyone at a site or in a department (for values derived from its name). */
  async idsAt(
    tx: EntityManager,
    place: { siteId: number } | { departmentId: number },
  ): Promise<number[]> {
    const rows = await tx.find(StaffMember, {
      select: { id: true },
      where: 'siteId' in place ? { siteId: place.siteId } : { departmentId: place.departmentId },
    });
    return rows.map((row) => row.id);
  }

  /** These people with the places they name (a page of cards), in one read, outside a transaction. */
  findProfilesByIds(ids: readonly number[]): Promise<ProfileRow[]> {
    return this.reads.profiles(ids);
  }

  findByIds(ids: readonly number[], tx?: EntityManager): Promise<StaffMember[]> {
    // outside a transaction, SQL written once (a page's people, the staffById loader's batches)
    if (!tx) return this.reads.byIds(ids);
    return tx.findBy(StaffMember, { id: In([...ids]) });
  }

  /**
   * Creates a person, in the caller's transaction if given. Their listing and search document
   * follow before it commits: read them (`listed`) once it has.
   */
  async create(fields: NewStaffMember, tx?: EntityManager): Promise<StaffMember> {
    const insert = async (manager: EntityManager) => {
      const person = await manager.save(
        StaffMember,
        manager.create(StaffMember, {
          ...fields,
          deactivatedAt: fields.active === false ? new Date() : null,
        }),
      );
      touch(manager, 'staff', [{ staffId: person.id, fields: 'all' }]);
      return person;
    };
    if (tx) return insert(tx);
    const { id } = await this.transactions.run(insert);
    return this.staff.findOneByOrFail({ id });
  }

  /** Many people at once (the demo, a bulk load), in the caller's transaction. */
  async createMany(tx: EntityManager, people: NewStaffMember[]): Promise<StaffMember[]> {
    const saved = await tx.save(
      StaffMember,
      people.map((fields) => tx.create(StaffMember, fields)),
      { chunk: 100 },
    );
    touch(
      tx,
      'staff',
      saved.map((person) => ({ staffId: person.id, fields: 'all' as const })),
    );
    return saved;
  }

  /** Changes people's fields in the caller's transaction (sign-in, provisioning, acceptance). */
  async update(
    tx: EntityManager,
    staffIds: number | readonly number[],
    changes: StaffUpdate,
  ): Promise<void> {
    const ids = typeof staffIds === 'number' ? [staffIds] : [...staffIds];
    const fields = Object.keys(changes) as (keyof StaffMember)[];
    if (fields.length === 0 || ids.length === 0) return;
    await tx.update(StaffMember, { id: In(ids) }, changes);
    // a leaver's retention period runs from their first deactivation, however often it is sent
    if (changes.active === false) {
      await tx.update(
        StaffMember,
        { id: In(ids), deactivatedAt: IsNull() },
        { deactivatedAt: new Date() },
      );
    } else if (changes.active === true) {
      await tx.update(StaffMember, { id: In(ids) }, { deactivatedAt: null });
    }
    touch(
      tx,
      'staff',
      ids.map((staffId) => ({ staffId, fields })),
    );
  }

  /**
   * Deletes a person's record, in the erasure's transaction, after every feature's rows that
   * refer to it (PersonalData runs it last). Their listing and search document go with it.
   */
  async erase(tx: EntityManager, staffId: number): Promise<void> {
    await tx.delete(StaffMember, { id: staffId });
    touch(tx, 'staff', [{ staffId, fields: 'all' }]);
  }

  /** People with an organisation, by id after `afterId` (a keyset walk over everyone). */
  async withOrganisationAfter(afterId: number, limit: number): Promise<StaffMember[]> {
    return this.staff.find({
      where: { id: MoreThan(afterId), organisationId: Not(IsNull()) },
      order: { id: 'ASC' },
      take: limit,
    });
  }

  /** Leavers deactivated before `cutoff`, oldest first: due for erasure. */
  async leaversDeactivatedBefore(cutoff: Date, limit: number): Promise<number[]> {
    const rows = await this.staff.find({
      select: { id: true },
      where: { active: false, deactivatedAt: LessThan(cutoff) },
      order: { deactivatedAt: 'ASC', id: 'ASC' },
      take: limit,
    });
    return rows.map((row) => row.id);
  }

  /** The record as held, for the person's own export (search text included). */
  findForExport(tx: EntityManager, staffId: number): Promise<StaffMember | null> {
    return tx.findOne(StaffMember, {
      where: { id: staffId },
      select: Object.fromEntries(
        tx.connection.getMetadata(StaffMember).columns.map((c) => [c.propertyName, true]),
      ) as Record<keyof StaffMember, true>,
    });
  }

  /** For the listing's owner (guidance): sets `listed` by its rule for everyone in scope. */
  refreshListing(tx: EntityManager, scope: ListingScope, rule: ListingRule): Promise<void> {
    return this.staffRepository.refreshListing(tx, scope, rule);
  }

  /** For the directory: these people's plain-text search documents before a change. */
  searchTextsOf(tx: EntityManager, staffIds: readonly number[]): Promise<string[]> {
    return this.staffRepository.searchTextsOf(tx, staffIds);
  }

  /** For the directory: writes these people's plain-text search documents. */
  writeSearchTexts(
    tx: EntityManager,
    staffIds: readonly number[],
    texts: readonly { staffId: number; text: string }[],
  ): Promise<void> {
    return this.staffRepository.writeSearchTexts(tx, staffIds, texts);
  }

  async updateProfile(me: StaffMember, input: UpdateMyProfileInput): Promise<StaffMember> {
    return this.transactions.run(async (tx) => {
      const changes: Partial<StaffMember> = {};
      if (input.displayName !== undefined) changes.displayName = input.displayName;
      for (const key of ['jobTitle', 'pronouns', 'bio'] as const) {
        if (input[key] !== undefined) changes[key] = input[key] || null;
      }
      if (input.staffGroup !== undefined) changes.staffGroup = input.staffGroup;
      if (input.showOnLeaderboard !== undefined && input.showOnLeaderboard !== null) {
        changes.showOnLeaderboard = input.showOnLeaderboard;
      }
      if (input.siteId !== undefined) {
        changes.siteId = await this.placeOf(
          tx,
          Site,
          me,
          input.siteId,
          'siteId',
          'site',
          StaffErrorReason.SITE_NOT_IN_ORGANISATION,
        );
      }
      if (input.departmentId !== undefined) {
        changes.departmentId = await this.placeOf(
          tx,
          Department,
          me,
          input.departmentId,
          'departmentId',
          'department',
          StaffErrorReason.DEPARTMENT_NOT_IN_ORGANISATION,
        );
      }
      await this.update(tx, me.id, changes);
      return tx.findOneByOrFail(StaffMember, { id: me.id });
    });
  }

  /** A site or department id of my own organisation (or null to clear it). */
  private async placeOf(
    tx: EntityManager,
    entity: typeof Site | typeof Department,
    me: StaffMember,
    id: number | null,
    field: string,
    noun: string,
    reason: StaffErrorReason,
  ): Promise<number | null> {
    if (id === null) return null;
    const place =
      me.organisationId === null
        ? null
        : await tx.findOneBy(entity, { id, organisationId: me.organisationId });
    if (!place) {
      throw new InvalidInputError(reason, `Choose a ${noun} of your own organisation`, field);
    }
    return place.id;
  }
}

/** The person if the viewer may see them (themself, or active and listed), else NOT_FOUND. */
function visibleOrNotFound(
  person: StaffMember | null,
  viewer: { id: number } | null | undefined,
  field: string,
): StaffMember {
  if (!person || (person.id !== viewer?.id && !(person.active && person.listed))) {
    throw new NotFoundError(StaffErrorReason.STAFF_NOT_FOUND, 'No such member of staff', field);
  }
  return person;
}
