import { Injectable } from '@nestjs/common';
import { PersonalData } from '../database/personal-data';
import { CommunitiesService } from './communities.service';

/** A person's community memberships; communities themselves belong to nobody. */
@Injectable()
export class CommunitiesPersonalData {
  constructor(registry: PersonalData, communities: CommunitiesService) {
    registry.register({
      owner: 'communities',
      tables: ['community_memberships'],
      section: 'communities',
      export: (tx, staffId) => communities.exportOf(tx, staffId),
      erase: (tx, { staffId }) => communities.eraseMembershipsOf(tx, staffId),
    });
    registry.impersonal('communities', ['communities']);
  }
}
