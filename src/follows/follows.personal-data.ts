import { Injectable } from '@nestjs/common';
import { PersonalData } from '../database/personal-data';
import { FollowsService } from './follows.service';

/** Follows both ways, the counters they feed, suggestion dismissals and the opt-out. */
@Injectable()
export class FollowsPersonalData {
  constructor(registry: PersonalData, follows: FollowsService) {
    registry.register({
      owner: 'follows',
      tables: ['follows', 'follow_stats', 'follow_suggestion_dismissals'],
      section: 'follows',
      export: (tx, staffId) => follows.exportOf(tx, staffId),
      erase: (tx, { staffId }) => follows.eraseAllOf(tx, staffId),
    });
  }
}
