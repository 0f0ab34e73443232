import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock/clock';
import { AppConfig } from '../config/app.config';
import { APP_CONFIG } from '../config/config.module';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ConflictError, ForbiddenError, InvalidInputError } from '../common/errors/domain-error';
import { administeredOrganisationId, mayAdminister } from '../identity/admin-scope';
import { AuthenticatedUser } from '../identity/authenticated-user';
import { TransactionRunner } from '../database/transaction-runner';
import { isUniqueViolation } from '../database/unique-violation';
import { touch } from '../database/derived-state';
import './guidance.changes';
import { StaffMember } from '../staff/staff-member.entity';
import { StaffService } from '../staff/staff.service';
import { currentGuidanceIdSql } from './current-guidance.sql';
import { Guidance, PublishGuidanceInput } from './dto/guidance.inputs';
import { GuidanceAcceptance, GuidanceDocument } from './guidance-document.entity';
import { regulatorGuidanceFor } from './regulator-guidance';
import { GuidanceErrorReason } from './guidance.errors';

@Injectable()
export class GuidanceService {
  constructor(
    @InjectRepository(GuidanceDocument) private readonly documents: Repository<GuidanceDocument>,
    private readonly staff: StaffService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The guidance that applies to a person (see currentGuidanceIdSql), or null. */
  async currentFor(
    organisationId: number | null,
    manager: EntityManager = this.documents.manager,
  ): Promise<GuidanceDocument | null> {
    const postgres = manager.connection.options.type === 'postgres';
    return manager
      .createQueryBuilder(GuidanceDocument, 'd')
      .where(
        `d.id = ${currentGuidanceIdSql(postgres ? 'CAST(:organisationId AS integer)' : ':organisationId')}`,
        {
          organisationId,
        },
      )
      .getOne();
  }

  async forPerson(person: StaffMember): Promise<Guidance> {
    const current = await this.currentFor(person.organisationId);
    // the acceptance row itself: `person` may be the request's copy, read before an acceptance
    const acceptance = current
      ? await this.documents.manager.findOneBy(GuidanceAcceptance, {
          staffId: person.id,
          guidanceId: current.id,
        })
      : null;
    const accepted = current === null || acceptance !== null;
    const graceEndsAt = current?.graceEndsAt ?? null;
    return {
      current,
      accepted,
      listedUntil:
        !accepted && person.listed && graceEndsAt && graceEndsAt > this.clock.now()
          ? graceEndsAt
          : null,
      acceptedAt: acceptance?.acceptedAt ?? null,
      regulatorGuidance: regulatorGuidanceFor(person.staffGroup),
    };
  }

  /** The versions the person accepted, and any they published, for their export. */
  async exportOf(tx: EntityManager, staffId: number) {
    const acceptances = await tx
      .createQueryBuilder(GuidanceAcceptance, 'a')
      .innerJoinAndMapOne('a.document', GuidanceDocument, 'd', 'd.id = a.guidance_id')
      .where('a.staff_id = :staffId', { staffId })
      .orderBy('a.accepted_at')
      .getMany();
    const published = await tx.find(GuidanceDocument, {
      where: { publishedById: staffId },
      order: { id: 'ASC' },
    });
    return {
      accepted: acceptances.map((a) => {
        const document = (a as GuidanceAcceptance & { document: GuidanceDocument }).document;
        return {
          guidanceId: a.guidanceId,
          version: document.version,
          title: document.title,
          nhsWide: document.nhsWide,
          acceptedAt: a.acceptedAt,
        };
      }),
      published: published.map((d) => ({
        guidanceId: d.id,
        version: d.version,
        title: d.title,
        publishedAt: d.publishedAt,
      })),
    };
  }

  /** Erasure: the person's acceptances go; guidance they published stays, without its author. */
  async eraseOf(tx: EntityManager, staffId: number): Promise<void> {
    await tx.delete(GuidanceAcceptance, { staffId });
    await tx.update(GuidanceDocument, { publishedById: staffId }, { publishedById: null });
  }

  /** Accepts the current version; the person is listed in the same transaction. */
  async accept(me: StaffMember, version: number): Promise<StaffMember> {
    await this.transactions.run(async (tx) => {
      const person = await tx.findOneByOrFail(StaffMember, { id: me.id });
      const current = await this.currentFor(person.organisationId, tx);
      if (!current) {
        throw new InvalidInputError(
          GuidanceErrorReason.NO_GUIDANCE_TO_ACCEPT,
          'There is no social media guidance for you to accept',
          'version',
        );
      }
      if (current.version !== version) {
        throw new InvalidInputError(
          GuidanceErrorReason.GUIDANCE_VERSION_NOT_CURRENT,
          `Version ${version} is not the current guidance: read version ${current.version} and accept that`,
          'version',
        );
      }
      await tx
        .createQueryBuilder()
        .insert()
        .into(GuidanceAcceptance)
        .values({ staffId: me.id, guidanceId: current.id })
        .orIgnore()
        .execute();
      await this.staff.update(tx, me.id, { acceptedGuidanceId: current.id });
    });
    // listed now: the listing follows the acceptance as the transaction commits
    const [person] = await this.staff.findByIds([me.id]);
    return person;
  }

  /** A new version for my organisation (or NHS-wide): everyone it applies to must accept again. */
  async publish(user: AuthenticatedUser, input: PublishGuidanceInput): Promise<GuidanceDocument> {
    // the organisation this admin's team acts for (a confirmed one only: admin-scope.ts)
    const organisationId = input.nhsWide ? null : administeredOrganisationId(user);
    if (!input.nhsWide && organisationId === null) {
      throw new InvalidInputError(
        GuidanceErrorReason.NO_ORGANISATION,
        'You have no confirmed organisation to publish guidance for',
        'nhsWide',
      );
    }
    if (!mayAdminister(user, organisationId)) {
      throw new ForbiddenError(
        GuidanceErrorReason.NATIONAL_GUIDANCE_NEEDS_NATIONAL_ADMIN,
        'NHS-wide guidance is published by the national team (Comms.NationalAdmin)',
        'nhsWide',
      );
    }
    const admin = user.staff;
    try {
      return await this.transactions.run(async (tx) => {
        const document = await this.publishIn(
          tx,
          { organisationId, publishedById: admin.id },
          input,
        );
        await this.audit.record(tx, {
          actorId: admin.id,
          action: 'guidance.publish',
          targetType: 'guidance',
          targetId: document.id,
          organisationId,
          after: { version: document.version, title: document.title, url: document.url },
        });
        return document;
      });
    } catch (error) {
      // the unique (scope, version) index: another publication got there first
      if (isUniqueViolation(error)) {
        throw new ConflictError(
          GuidanceErrorReason.PUBLISHED_CONCURRENTLY,
          'Someone published a new version at the same moment: try again',
        );
      }
      throw error;
    }
  }

  /**
   * Publishes the next version for an organisation (or NHS-wide, null) in the caller's
   * transaction; everyone it applies to is asked to accept it, and is unlisted until they do
   * once its grace period (GUIDANCE_GRACE_DAYS) ends.
   */
  async publishIn(
    tx: EntityManager,
    scope: { organisationId: number | null; publishedById: number | null },
    input: Pick<PublishGuidanceInput, 'title' | 'summary' | 'url'> & {
      whatChanged?: string | null;
    },
  ): Promise<GuidanceDocument> {
    const { organisationId, publishedById } = scope;
    const scopeKey = organisationId ?? 0;
    const latest = await tx.findOne(GuidanceDocument, {
      where: { scopeKey },
      order: { version: 'DESC' },
    });
    const document = await tx.save(
      GuidanceDocument,
      tx.create(GuidanceDocument, {
        organisationId,
        scopeKey,
        version: (latest?.version ?? 0) + 1,
        title: input.title,
        summary: input.summary,
        url: input.url,
        whatChanged: input.whatChanged || null,
        // people stay listed while being asked (the listing rule): GUIDANCE_GRACE_DAYS
        graceEndsAt:
          this.config.guidanceGraceDays > 0
            ? new Date(this.clock.now().getTime() + this.config.guidanceGraceDays * 86_400_000)
            : null,
        publishedById,
      }),
    );
    touch(tx, 'guidance', [{ organisationId }]); // everyone it applies to accepts again
    return document;
  }

  /**
   * For a communications team: the active people of an organisation who have not accepted the
   * guidance that applies to them now, by name (keyset after `after`), with how many in all and
   * when the current version's grace period ends.
   */
  async notAccepted(
    organisationId: number,
    first: number,
    after: { name: string; id: number } | null,
  ): Promise<{ current: GuidanceDocument | null; people: StaffMember[]; total: number }> {
    const current = await this.currentFor(organisationId);
    if (!current) return { current, people: [], total: 0 };
    const base = () =>
      this.documents.manager
        .createQueryBuilder(StaffMember, 's')
        .where('s.organisation_id = :organisationId', { organisationId })
        .andWhere('s.active = :active', { active: true })
        .andWhere('(s.accepted_guidance_id IS NULL OR s.accepted_guidance_id <> :current)', {
          current: current.id,
        });
    const page = base();
    if (after) {
      page.andWhere(
        '(s.display_name > :afterName OR (s.display_name = :afterName AND s.id > :afterId))',
        { afterName: after.name, afterId: after.id },
      );
    }
    const people = await page
      .orderBy('s.display_name', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .limit(first)
      .getMany();
    return { current, people, total: await base().getCount() };
  }

  /** Records that these people accepted a document (the demo), in the caller's transaction. */
  async acceptMany(
    tx: EntityManager,
    document: GuidanceDocument,
    staffIds: readonly number[],
  ): Promise<void> {
    if (staffIds.length === 0) return;
    await tx.insert(
      GuidanceAcceptance,
      staffIds.map((staffId) => ({ staffId, guidanceId: document.id })),
    );
    await this.staff.update(tx, staffIds, { acceptedGuidanceId: document.id });
  }
}
