import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { InvalidInputError, NotFoundError } from '../common/errors/domain-error';
import { TransactionRunner } from '../database/transaction-runner';
import { DirectorySearchIndexer } from '../directory/directory-search.indexer';
import { Department } from '../organisations/department.entity';
import { Site } from '../organisations/site.entity';
import { UpdateMyProfileInput } from './dto/update-my-profile.input';
import { StaffMember } from './staff-member.entity';
import { ListingScope, StaffRepository } from './staff.repository';
import { StaffErrorReason } from './staff.errors';

export type NewStaffMember = Partial<
  Omit<StaffMember, 'id' | 'createdAt' | 'updatedAt' | 'listed' | 'acceptedGuidanceId'>
> &
  Pick<StaffMember, 'displayName'>;

@Injectable()
export class StaffService {
  constructor(
    @InjectRepository(StaffMember) private readonly staff: Repository<StaffMember>,
    private readonly staffRepository: StaffRepository,
    private readonly searchIndex: DirectorySearchIndexer,
    private readonly transactions: TransactionRunner,
  ) {}

  /**
   * A person others may see: active (leavers vanish at once) and listed (accepted the current
   * guidance). The person themself always sees themself. SQL lists use `visibleStaffSql()`.
   */
  async getVisible(id: number, viewer?: { id: number } | null, field = 'id'): Promise<StaffMember> {
    const person = Number.isSafeInteger(id) ? await this.staff.findOneBy({ id }) : null;
    const visible = person && (person.id === viewer?.id || (person.active && person.listed));
    if (!visible) {
      throw new NotFoundError(StaffErrorReason.STAFF_NOT_FOUND, 'No such member of staff', field);
    }
    return person;
  }

  findByIds(ids: readonly number[]): Promise<StaffMember[]> {
    return this.staff.findBy({ id: In([...ids]) });
  }

  /** Creates a person with their listing and search document, in the caller's transaction if given. */
  create(fields: NewStaffMember, tx?: EntityManager): Promise<StaffMember> {
    const insert = async (manager: EntityManager) => {
      const person = await manager.save(StaffMember, manager.create(StaffMember, fields));
      await this.afterChange(manager, [person.id]);
      return manager.findOneByOrFail(StaffMember, { id: person.id });
    };
    return tx ? insert(tx) : this.transactions.run(insert);
  }

  /**
   * Optional, in the same transaction after changing staff rows another way (SCIM): rebuilds
   * their search documents now. `listed` needs nothing: triggers keep it on every write, and
   * the directory catches up with stale documents before it searches.
   */
  afterChange(tx: EntityManager, staffIds: readonly number[]): Promise<void> {
    return this.searchIndex.reindex(tx, staffIds);
  }

  /** Recomputes `listed` (after guidance is published or accepted), in the caller's transaction. */
  refreshListing(tx: EntityManager, scope: ListingScope): Promise<void> {
    return this.staffRepository.refreshListing(tx, scope);
  }

  async updateProfile(me: StaffMember, input: UpdateMyProfileInput): Promise<StaffMember> {
    return this.transactions.run(async (tx) => {
      const changes: Partial<StaffMember> = {};
      if (input.displayName !== undefined) changes.displayName = input.displayName;
      for (const key of ['jobTitle', 'pronouns', 'bio'] as const) {
        if (input[key] !== undefined) changes[key] = input[key] || null;
      }
      if (input.staffGroup !== undefined) changes.staffGroup = input.staffGroup;
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
      if (Object.keys(changes).length > 0) {
        await tx.update(StaffMember, { id: me.id }, changes);
        await this.searchIndex.reindex(tx, [me.id]);
      }
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
