import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app.config';
import { APP_CONFIG } from '../config/config.module';
import { InvalidInputError } from '../common/errors/domain-error';
import { TransactionRunner } from '../database/transaction-runner';
import { Department } from '../organisations/department.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Site } from '../organisations/site.entity';
import { ScimProfilesService } from '../scim/scim-profiles.service';
import { StaffMember } from '../staff/staff-member.entity';
import { StaffService } from '../staff/staff.service';
import { ChooseMyOrganisationInput } from './dto/choose-my-organisation.input';
import { ChooseMyOrganisationPayload } from './dto/choose-my-organisation.payload';
import { OrganisationErrorReason } from '../organisations/organisation.errors';
import { StaffErrorReason } from '../staff/staff.errors';
import { IdentityErrorReason } from './identity.errors';
import { OrganisationClaimsService } from './organisation-claims/organisation-claims.service';

/**
 * NHSmail puts many organisations in one tenant, so a person whose organisation neither SCIM nor
 * the tenant decides says where they work: a claim, trusted only once the organisation's
 * communications team confirms it. Where SCIM or the tenant decides, only site and department
 * are theirs to choose.
 */
@Injectable()
export class MyOrganisationService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly provisioning: ScimProfilesService,
    private readonly staff: StaffService,
    private readonly claims: OrganisationClaimsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  choose(me: StaffMember, input: ChooseMyOrganisationInput): Promise<ChooseMyOrganisationPayload> {
    const { organisationId } = input;
    const siteId = input.siteId ?? null;
    const departmentId = input.departmentId ?? null;
    return this.transactions.run(async (tx) => {
      const organisation = await tx.findOneBy(Organisation, { id: organisationId });
      if (!organisation)
        throw new InvalidInputError(
          OrganisationErrorReason.ORGANISATION_NOT_FOUND,
          'No such organisation',
          'organisationId',
        );
      const decided = await this.decidedOrganisation(me);
      if (decided !== null && decided !== organisationId) {
        throw new InvalidInputError(
          IdentityErrorReason.ORGANISATION_SET_BY_EMPLOYER,
          'Your organisation is set by your employer; you can choose your site and department',
          'organisationId',
        );
      }
      if (siteId !== null && !(await tx.existsBy(Site, { id: siteId, organisationId }))) {
        throw new InvalidInputError(
          StaffErrorReason.SITE_NOT_IN_ORGANISATION,
          'That site is not part of the organisation',
          'siteId',
        );
      }
      if (
        departmentId !== null &&
        !(await tx.existsBy(Department, { id: departmentId, organisationId }))
      ) {
        throw new InvalidInputError(
          StaffErrorReason.DEPARTMENT_NOT_IN_ORGANISATION,
          'That department is not part of the organisation',
          'departmentId',
        );
      }
      if (decided !== null || organisationId === me.organisationId) {
        // the organisation is already trusted: only site and department change
        const changes = { organisationId, siteId, departmentId };
        await this.staff.update(tx, me.id, changes); // found under them at once
        return { me: Object.assign(me, changes), claim: null };
      }
      // self-chosen: a claim its communications team confirms; it grants nothing until then,
      // and a move leaves the old organisation at once (trust resets)
      const claim = await this.claims.claim(tx, me, { organisationId, siteId, departmentId });
      return { me, claim };
    });
  }

  /** The organisation provisioning or the tenant decides for this person, if either does. */
  private async decidedOrganisation(me: StaffMember): Promise<number | null> {
    if (me.organisationId === null) return null;
    if (await this.provisioning.organisationManaged(me.id)) return me.organisationId;
    const tenantOds = me.tenantId ? this.config.entra.tenantOrganisations[me.tenantId] : undefined;
    return tenantOds ? me.organisationId : null;
  }
}
