import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { ScimProfile } from './scim-profile.entity';
import { ScimUsersRepository } from './scim-users.repository';

/** What other features may ask about provisioning. */
@Injectable()
export class ScimProfilesService {
  constructor(
    @InjectRepository(ScimProfile) private readonly profiles: Repository<ScimProfile>,
    private readonly users: ScimUsersRepository,
  ) {}

  /**
   * The provisioned person a first sign-in may link to: SCIM externalId equal to the token's
   * immutable object id, provisioned for this tenant, not deleted, and not linked yet.
   */
  unlinkedStaffIdByExternalId(
    tx: EntityManager,
    objectId: string,
    tenantId: string,
  ): Promise<number | null> {
    return this.users.unlinkedStaffIdByExternalId(tx, objectId, tenantId);
  }

  /** What provisioning sent about the person, for their export. */
  exportOf(tx: EntityManager, staffId: number): Promise<ScimProfile | null> {
    return tx.findOneBy(ScimProfile, { staffId });
  }

  async eraseOf(tx: EntityManager, staffId: number): Promise<void> {
    await tx.delete(ScimProfile, { staffId });
  }

  /** Whether provisioning sets this person's organisation, so they may not choose another. */
  organisationManaged(staffId: number): Promise<boolean> {
    return this.profiles.existsBy({ staffId, organisationManaged: true });
  }
}
