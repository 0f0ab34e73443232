import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, In, Repository } from 'typeorm';
import { CampaignParticipant } from './campaign-participant.entity';
import { Campaign } from './campaign.entity';

export interface ActivityValues {
  accountId: number;
  staffId: number;
  day: string;
  posts: number;
  engagements: number;
}

const ROWS_PER_STATEMENT = 500;
const COLUMNS = 7;

@Injectable()
export class CampaignsRepository {
  constructor(@InjectRepository(Campaign) private readonly campaigns: Repository<Campaign>) {}

  /** Newest first (starts_on, id descending); NHS-wide ones and the viewer's organisation's. */
  async page(
    organisationId: number | null,
    first: number,
    key: { startsOn: string; id: number } | null,
  ): Promise<{ rows: Campaign[]; total: number }> {
    const visible = (qb: ReturnType<Repository<Campaign>['createQueryBuilder']>) =>
      organisationId === null
        ? qb.where('c.organisation_id IS NULL')
        : qb.where(
            new Brackets((w) =>
              w.where('c.organisation_id IS NULL').orWhere('c.organisation_id = :org', {
                org: organisationId,
              }),
            ),
          );
    const query = visible(this.campaigns.createQueryBuilder('c'));
    if (key) {
      query.andWhere(
        new Brackets((w) =>
          w
            .where('c.starts_on < :startsOn', { startsOn: key.startsOn })
            .orWhere('(c.starts_on = :startsOn AND c.id < :id)', key),
        ),
      );
    }
    const rows = await query
      .orderBy('c.starts_on', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(first + 1)
      .getMany();
    const total = await visible(this.campaigns.createQueryBuilder('c')).getCount();
    return { rows, total };
  }

  findById(id: number): Promise<Campaign | null> {
    return this.campaigns.findOneBy({ id });
  }

  async joinedBy(staffId: number, campaignIds: readonly number[]): Promise<Set<number>> {
    const rows = await this.campaigns.manager.find(CampaignParticipant, {
      where: { staffId, campaignId: In([...campaignIds]) },
    });
    return new Set(rows.map((r) => r.campaignId));
  }

  async participantCounts(campaignIds: readonly number[]): Promise<Map<number, number>> {
    const rows: { campaignId: number | string; count: number | string }[] =
      await this.campaigns.manager
        .createQueryBuilder(CampaignParticipant, 'p')
        .select('p.campaign_id', 'campaignId')
        .addSelect('COUNT(*)', 'count')
        .where({ campaignId: In([...campaignIds]) })
        .groupBy('p.campaign_id')
        .getRawMany();
    return new Map(rows.map((r) => [Number(r.campaignId), Number(r.count)]));
  }

  /** Everyone a campaign's board counts: who takes part, and whose activity was imported. */
  async staffIdsOf(tx: EntityManager, campaignId: number): Promise<number[]> {
    const sqlite = tx.connection.options.type === 'better-sqlite3';
    const rows = (await tx.query(
      `SELECT staff_id FROM campaign_participants WHERE campaign_id = ${sqlite ? '?' : '$1'}
       UNION SELECT staff_id FROM campaign_activity WHERE campaign_id = ${sqlite ? '?' : '$2'}`,
      [campaignId, campaignId],
    )) as { staff_id: number | string }[];
    return rows.map((row) => Number(row.staff_id));
  }

  async upsertActivity(
    tx: EntityManager,
    campaignId: number,
    importId: number | null,
    rows: readonly ActivityValues[],
  ): Promise<number[]> {
    const sqlite = tx.connection.options.type === 'better-sqlite3';
    const changed: number[] = [];
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
      const params: unknown[] = [];
      for (const row of chunk) {
        params.push(
          campaignId,
          row.accountId,
          row.day,
          row.staffId,
          row.posts,
          row.engagements,
          importId,
        );
      }
      const result = await tx.queryRunner!.query(activitySql(sqlite, chunk.length), params, true);
      for (const record of (result.records ?? []) as { staff_id: number | string }[]) {
        changed.push(Number(record.staff_id));
      }
    }
    return changed;
  }
}

function activitySql(sqlite: boolean, rows: number): string {
  const values: string[] = [];
  for (let r = 0; r < rows; r++) {
    const slots = Array.from({ length: COLUMNS }, (_, c) =>
      sqlite ? '?' : `$${r * COLUMNS + c + 1}`,
    );
    values.push(`(${slots.join(', ')})`);
  }
  const differs = sqlite ? 'IS NOT' : 'IS DISTINCT FROM';
  return (
    'INSERT INTO campaign_activity (campaign_id, social_account_id, day, staff_id, posts, engagements, import_id) VALUES ' +
    values.join(', ') +
    ' ON CONFLICT (campaign_id, social_account_id, day) DO UPDATE SET posts = excluded.posts, engagements = excluded.engagements, staff_id = excluded.staff_id, import_id = excluded.import_id' +
    ` WHERE campaign_activity.posts ${differs} excluded.posts OR campaign_activity.engagements ${differs} excluded.engagements` +
    ' RETURNING staff_id'
  );
}
