import { Injectable } from '@nestjs/common';
import { touch } from '../database/derived-state';
import { PersonalData } from '../database/personal-data';
import { deleteRowsOf, distinctOf, rowsOf } from '../database/personal-rows';

/**
 * A person's campaign participation and activity. Campaigns themselves are the organisation's
 * (created_by_staff_id is an id only, kept). Erasing touches `campaigns` for each campaign the
 * person was in, so campaign boards and ranks drop them before commit.
 */
@Injectable()
export class CampaignsPersonalData {
  constructor(registry: PersonalData) {
    registry.register({
      owner: 'campaigns',
      tables: ['campaigns', 'campaign_participants', 'campaign_activity'],
      section: 'campaigns',
      export: async (tx, staffId) => ({
        participation: await rowsOf(tx, 'campaign_participants', 'staff_id', staffId),
        activity: await rowsOf(tx, 'campaign_activity', 'staff_id', staffId),
        created: (await rowsOf(tx, 'campaigns', 'created_by_staff_id', staffId)).map((c) => ({
          id: c.id,
          name: c.name,
        })),
      }),
      erase: async (tx, { staffId }) => {
        const campaignIds = [
          ...new Set([
            ...(await distinctOf(tx, 'campaign_participants', 'staff_id', 'campaign_id', staffId)),
            ...(await distinctOf(tx, 'campaign_activity', 'staff_id', 'campaign_id', staffId)),
          ]),
        ];
        await deleteRowsOf(tx, 'campaign_activity', 'staff_id', staffId);
        await deleteRowsOf(tx, 'campaign_participants', 'staff_id', staffId);
        if (campaignIds.length > 0) {
          touch(
            tx,
            'campaigns',
            campaignIds.map((campaignId) => ({ campaignId, staffIds: [staffId] })),
          );
        }
      },
    });
  }
}
