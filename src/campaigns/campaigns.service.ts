import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { EntityManager } from 'typeorm';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../common/errors/domain-error';
import { Connection, decodeCursor, toConnection } from '../common/graphql/connection';
import { touch } from '../database/derived-state';
import { TransactionRunner } from '../database/transaction-runner';
import { AuditService } from '../audit/audit.service';
import {
  administeredOrganisationId,
  isNationalAdmin,
  mayAdminister,
} from '../identity/admin-scope';
import type { AuthenticatedUser } from '../identity/authenticated-user';
import { dayNumber } from '../metrics/london-day';
import { MetricImportKind } from '../metrics/metric-import.entity';
import { ImportReport, MetricImportsService, parseCount } from '../metrics/metric-imports.service';
import './campaign.changes';
import { CampaignParticipant } from './campaign-participant.entity';
import { CampaignErrorReason } from './campaign.errors';
import { Campaign } from './campaign.entity';
import { ActivityValues, CampaignsRepository } from './campaigns.repository';
import { CreateCampaignInput, UpdateCampaignInput } from './dto/campaign.inputs';

/** The columns of a campaign activity CSV besides platform, handle and date. */
export const ACTIVITY_COLUMNS = ['posts', 'engagements'];

const HASHTAG = /^#?([\p{L}\p{N}_]{1,99})$/u;

const notFound = () =>
  new NotFoundError(CampaignErrorReason.CAMPAIGN_NOT_FOUND, 'No such campaign', 'campaignId');

/** What a campaign's team chooses and may correct later. */
type CampaignDetails = Pick<Campaign, 'name' | 'hashtag' | 'startsOn' | 'endsOn'>;

const detailsOf = ({ name, hashtag, startsOn, endsOn }: CampaignDetails): CampaignDetails => ({
  name,
  hashtag,
  startsOn,
  endsOn,
});

/** The one check of a campaign's details, for creating and changing one; the hashtag with its #. */
function checkedDetails(input: CampaignDetails): CampaignDetails {
  const hashtag = HASHTAG.exec(input.hashtag.trim());
  if (!hashtag) {
    throw new InvalidInputError(
      CampaignErrorReason.CAMPAIGN_HASHTAG,
      'hashtag must be one word after a #: letters, digits and underscores',
      'hashtag',
    );
  }
  for (const field of ['startsOn', 'endsOn'] as const) {
    if (dayNumber(input[field]) === null) {
      throw new InvalidInputError(
        CampaignErrorReason.CAMPAIGN_DATES,
        `${field} must be a date written YYYY-MM-DD`,
        field,
      );
    }
  }
  if (input.endsOn < input.startsOn) {
    throw new InvalidInputError(
      CampaignErrorReason.CAMPAIGN_DATES,
      'The campaign must end on or after the day it starts',
      'endsOn',
    );
  }
  const name = input.name.trim();
  if (name === '') {
    throw new InvalidInputError(
      CampaignErrorReason.CAMPAIGN_NAME,
      'name must not be empty',
      'name',
    );
  }
  return { name, hashtag: `#${hashtag[1]}`, startsOn: input.startsOn, endsOn: input.endsOn };
}

/**
 * Campaigns: NHS-wide ones and an organisation's own, seen by everyone they concern; created by
 * the communications team; joined and left by anyone who sees them; their activity imported by
 * CSV like metrics. Every write touches 'campaigns' with the people it changed.
 */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly transactions: TransactionRunner,
    private readonly imports: MetricImportsService,
    private readonly audit: AuditService,
  ) {
    imports.onRecover(MetricImportKind.CAMPAIGN_ACTIVITY, (tx, campaignId, staffIds) => {
      if (campaignId !== null) touch(tx, 'campaigns', [{ campaignId, staffIds }]);
    });
  }

  list(
    user: AuthenticatedUser,
    first: number,
    after?: string | null,
  ): Promise<Connection<Campaign>> {
    const key = after ? decodeCursor(after, ['string', 'id']) : null;
    return this.campaigns
      .page(user.staff.organisationId ?? null, first, key && { startsOn: key[0], id: key[1] })
      .then(({ rows, total }) => toConnection(rows, first, total, (c) => [c.startsOn, c.id]));
  }

  /** A campaign the viewer may see: NHS-wide, or their organisation's. */
  async get(user: AuthenticatedUser, id: number): Promise<Campaign> {
    const campaign = await this.campaigns.findById(id);
    if (
      !campaign ||
      (campaign.organisationId !== null && campaign.organisationId !== user.staff.organisationId)
    ) {
      throw notFound();
    }
    return campaign;
  }

  async create(user: AuthenticatedUser, input: CreateCampaignInput): Promise<Campaign> {
    const organisationId = input.nhsWide ? null : administeredOrganisationId(user);
    if (!input.nhsWide && organisationId === null && isNationalAdmin(user)) {
      throw new InvalidInputError(
        CampaignErrorReason.CAMPAIGN_NO_ORGANISATION,
        'You administer no organisation: make the campaign NHS-wide',
        'nhsWide',
      );
    }
    if ((!input.nhsWide && organisationId === null) || !mayAdminister(user, organisationId)) {
      throw new ForbiddenError(
        CampaignErrorReason.CAMPAIGN_NOT_ADMIN,
        input.nhsWide
          ? 'NHS-wide campaigns are created by the national communications team (Comms.NationalAdmin)'
          : 'Only the communications team (Comms.Admin) creates campaigns',
      );
    }
    const details = checkedDetails(input);
    return this.transactions.run((tx) => this.insert(tx, user, details, organisationId));
  }

  /** Creates a campaign in the caller's transaction, checked as `create` checks it (the demo seed). */
  async createIn(
    tx: EntityManager,
    user: AuthenticatedUser,
    input: CreateCampaignInput,
  ): Promise<Campaign> {
    const organisationId = input.nhsWide ? null : administeredOrganisationId(user);
    if (!mayAdminister(user, organisationId)) {
      throw new ForbiddenError(
        CampaignErrorReason.CAMPAIGN_NOT_ADMIN,
        'Not an admin of that organisation',
      );
    }
    return this.insert(tx, user, checkedDetails(input), organisationId);
  }

  private async insert(
    tx: EntityManager,
    user: AuthenticatedUser,
    details: CampaignDetails,
    organisationId: number | null,
  ): Promise<Campaign> {
    {
      const campaign = await tx.save(
        tx.create(Campaign, {
          ...details,
          organisationId,
          createdByStaffId: user.staff.id,
          createdAt: new Date(),
        }),
      );
      await this.audit.record(tx, {
        actorId: user.staff.id,
        action: 'campaign.create',
        targetType: 'campaign',
        targetId: campaign.id,
        organisationId,
        after: detailsOf(campaign),
      });
      touch(tx, 'campaigns', [{ campaignId: campaign.id, staffIds: [] }]);
      return campaign;
    }
  }

  /**
   * Corrects a campaign's name, hashtag or dates: its own communications team (NHS-wide ones the
   * national team). New dates re-score everyone its board counts, in the same transaction.
   */
  async update(user: AuthenticatedUser, input: UpdateCampaignInput): Promise<Campaign> {
    await this.get(user, input.campaignId); // one the viewer may see, or NOT_FOUND
    // read again in the transaction, so a change made meanwhile is kept, not written back over
    return this.transactions.run(async (tx) => {
      const campaign = await tx.findOneBy(Campaign, { id: input.campaignId });
      if (!campaign) throw notFound();
      if (!mayAdminister(user, campaign.organisationId)) {
        throw new ForbiddenError(
          CampaignErrorReason.CAMPAIGN_NOT_ADMIN,
          campaign.organisationId === null
            ? 'NHS-wide campaigns are changed by the national communications team (Comms.NationalAdmin)'
            : 'Only the campaign’s own communications team (Comms.Admin) changes it',
        );
      }
      const before = detailsOf(campaign);
      const after = checkedDetails({
        name: input.name ?? before.name,
        hashtag: input.hashtag ?? before.hashtag,
        startsOn: input.startsOn ?? before.startsOn,
        endsOn: input.endsOn ?? before.endsOn,
      });
      const changed = (Object.keys(after) as (keyof CampaignDetails)[]).filter(
        (field) => after[field] !== before[field],
      );
      if (changed.length === 0) return campaign;
      await tx.update(Campaign, { id: campaign.id }, after);
      await this.audit.record(tx, {
        actorId: user.staff.id,
        action: 'campaign.update',
        targetType: 'campaign',
        targetId: campaign.id,
        organisationId: campaign.organisationId,
        before: Object.fromEntries(changed.map((field) => [field, before[field]])),
        after: Object.fromEntries(changed.map((field) => [field, after[field]])),
      });
      const datesChanged = changed.includes('startsOn') || changed.includes('endsOn');
      touch(tx, 'campaigns', [
        {
          campaignId: campaign.id,
          staffIds: datesChanged ? await this.campaigns.staffIdsOf(tx, campaign.id) : [],
        },
      ]);
      return { ...campaign, ...after };
    });
  }

  /** Records activity in the caller's transaction (the demo seed), touching 'campaigns' once. */
  async recordActivity(
    tx: EntityManager,
    campaignId: number,
    rows: ActivityValues[],
  ): Promise<void> {
    const changed = await this.campaigns.upsertActivity(tx, campaignId, null, rows);
    if (changed.length > 0)
      touch(tx, 'campaigns', [{ campaignId, staffIds: [...new Set(changed)] }]);
  }

  async join(user: AuthenticatedUser, campaignId: number): Promise<Campaign> {
    const campaign = await this.get(user, campaignId);
    await this.transactions.run(async (tx) => {
      const existing = await tx.findOneBy(CampaignParticipant, {
        campaignId,
        staffId: user.staff.id,
      });
      if (existing) return;
      await tx.insert(CampaignParticipant, {
        campaignId,
        staffId: user.staff.id,
        joinedAt: new Date(),
      });
      touch(tx, 'campaigns', [{ campaignId, staffIds: [user.staff.id] }]);
    });
    return campaign;
  }

  async leave(user: AuthenticatedUser, campaignId: number): Promise<Campaign> {
    const campaign = await this.get(user, campaignId);
    await this.transactions.run(async (tx) => {
      const result = await tx.delete(CampaignParticipant, { campaignId, staffId: user.staff.id });
      if (result.affected) touch(tx, 'campaigns', [{ campaignId, staffIds: [user.staff.id] }]);
    });
    return campaign;
  }

  /** Adds people to a campaign in the caller's transaction (the demo seed). */
  async joinMany(
    tx: EntityManager,
    campaignId: number,
    staffIds: readonly number[],
  ): Promise<void> {
    if (staffIds.length === 0) return;
    const joinedAt = new Date();
    for (let i = 0; i < staffIds.length; i += 500) {
      await tx
        .createQueryBuilder()
        .insert()
        .into(CampaignParticipant)
        .values(staffIds.slice(i, i + 500).map((staffId) => ({ campaignId, staffId, joinedAt })))
        .orIgnore()
        .execute();
    }
    touch(tx, 'campaigns', [{ campaignId, staffIds: [...staffIds] }]);
  }

  /** `POST /api/imports/campaign-activity?campaignId=`: the campaign's organisation's admins. */
  async assertMayImport(user: AuthenticatedUser, campaignId: number): Promise<Campaign> {
    this.imports.assertMayImport(user);
    const campaign = await this.get(user, campaignId).catch(() => null);
    if (!campaign) throw notFound();
    if (!mayAdminister(user, campaign.organisationId)) {
      throw new ForbiddenError(
        CampaignErrorReason.CAMPAIGN_NOT_ADMIN,
        campaign.organisationId === null
          ? 'Activity of an NHS-wide campaign is imported by the national communications team'
          : 'Only the campaign’s own communications team imports its activity',
      );
    }
    return campaign;
  }

  async importActivity(
    user: AuthenticatedUser,
    campaign: Campaign,
    source: Readable,
  ): Promise<ImportReport> {
    return this.imports.run<{ posts: number; engagements: number }>(user, source, {
      kind: MetricImportKind.CAMPAIGN_ACTIVITY,
      campaignId: campaign.id,
      required: ACTIVITY_COLUMNS,
      figures: ['posts', 'engagements'],
      optional: [],
      refuseDay: (day) =>
        day < campaign.startsOn || day > campaign.endsOn
          ? `date ${day} is outside the campaign (${campaign.startsOn} to ${campaign.endsOn})`
          : null,
      values: (field) => {
        const posts = parseCount('posts', field('posts'), true);
        if (typeof posts === 'string') return posts;
        const engagements = parseCount('engagements', field('engagements'), true);
        if (typeof engagements === 'string') return engagements;
        return { posts: posts!, engagements: engagements! };
      },
      write: async (tx, importId, rows) => {
        const staffIds = await this.campaigns.upsertActivity(tx, campaign.id, importId, rows);
        return { changed: staffIds.length, staffIds };
      },
      settle: (tx, staffIds) => touch(tx, 'campaigns', [{ campaignId: campaign.id, staffIds }]),
    });
  }

  joinedBy(staffId: number, campaignIds: readonly number[]) {
    return this.campaigns.joinedBy(staffId, campaignIds);
  }

  participantCounts(campaignIds: readonly number[]) {
    return this.campaigns.participantCounts(campaignIds);
  }
}
