import { Injectable } from '@nestjs/common';
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
    const acceptance =
      current && person.acceptedGuidanceId === current.id
        ? await this.documents.manager.findOneBy(GuidanceAcceptance, {
            staffId: person.id,
            guidanceId: current.id,
          })
        : null;
    return {
      current,
      accepted: current === null || acceptance !== null,
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
   * transaction; everyone it applies to is unlisted until they accept it.
   */
  async publishIn(
    tx: EntityManager,
    scope: { organisationId: number | null; publishedById: number | null },
    input: Pick<PublishGuidanceInput, 'title' | 'summary' | 'url'>,
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
        publishedById,
      }),
    );
    touch(tx, 'guidance', [{ organisationId }]); // everyone it applies to accepts again
    return document;
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
