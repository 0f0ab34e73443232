import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { Repository } from 'typeorm';
import { ScimProfile } from './scim-profile.entity';

/** What other features may ask about provisioning. */
@Injectable()
export class ScimProfilesService {
  constructor(@InjectRepository(ScimProfile) private readonly profiles: Repository<ScimProfile>) {}

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
