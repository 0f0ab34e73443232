import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../../common/graphql/graphql-context';
import { Department } from '../../organisations/department.entity';
import { Organisation } from '../../organisations/organisation.entity';
import { Site } from '../../organisations/site.entity';
import { StaffMember } from '../../staff/staff-member.entity';
import { CommsAdminOnly, CurrentStaff, CurrentUser } from '../auth.decorators';
import { AuthenticatedUser } from '../authenticated-user';
import { OrganisationClaim, OrganisationClaimStatus } from './organisation-claim.entity';
import {
  ConfirmOrganisationClaimInput,
  OrganisationClaimConnection,
  OrganisationClaimPayload,
  OrganisationClaimsArgs,
  RefuseOrganisationClaimInput,
} from './organisation-claims.dto';
import { OrganisationClaimsService } from './organisation-claims.service';

@Resolver(() => OrganisationClaim)
export class OrganisationClaimsResolver {
  constructor(private readonly claims: OrganisationClaimsService) {}

  @CommsAdminOnly()
  @Query(() => OrganisationClaimConnection, {
    description:
      'Communications team: people who say they work for my organisation, oldest first, to ' +
      'confirm or refuse. Their organisation grants nothing until confirmed.',
  })
  organisationClaims(@CurrentUser() user: AuthenticatedUser, @Args() args: OrganisationClaimsArgs) {
    return this.claims.queue(user, args.organisationId, args.first, args.after);
  }

  @CommsAdminOnly()
  @Mutation(() => OrganisationClaimPayload, {
    description:
      'Communications team: confirm a claim; the organisation becomes the person’s, trusted.',
  })
  async confirmOrganisationClaim(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: ConfirmOrganisationClaimInput,
  ) {
    return { claim: await this.claims.confirm(user, input.claimId) };
  }

  @CommsAdminOnly()
  @Mutation(() => OrganisationClaimPayload, {
    description: 'Communications team: refuse a claim, with a reason the person reads.',
  })
  async refuseOrganisationClaim(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: RefuseOrganisationClaimInput,
  ) {
    return { claim: await this.claims.refuse(user, input.claimId, input.reason) };
  }

  @ResolveField(() => StaffMember, { nullable: true, description: 'Who claims it.' })
  person(claim: OrganisationClaim, _args: unknown, { loaders }: GraphQLContext) {
    return loaders.staffById.load(claim.staffId);
  }

  @ResolveField(() => Organisation)
  organisation(claim: OrganisationClaim, _args: unknown, { loaders }: GraphQLContext) {
    return loaders.organisationById.load(claim.organisationId);
  }

  @ResolveField(() => Site, { nullable: true })
  site(claim: OrganisationClaim, _args: unknown, { loaders }: GraphQLContext) {
    return claim.siteId === null ? null : loaders.siteById.load(claim.siteId);
  }

  @ResolveField(() => Department, { nullable: true })
  department(claim: OrganisationClaim, _args: unknown, { loaders }: GraphQLContext) {
    return claim.departmentId === null ? null : loaders.departmentById.load(claim.departmentId);
  }
}

@Resolver(() => StaffMember)
export class StaffOrganisationClaimResolver {
  constructor(private readonly claims: OrganisationClaimsService) {}

  @ResolveField(() => OrganisationClaim, {
    nullable: true,
    description:
      'For the signed-in person only: the organisation they chose that is not yet confirmed ' +
      '(PENDING: shown as unconfirmed), or their last refused claim and its reason. Null for ' +
      'anyone else, and once the organisation is confirmed.',
  })
  async organisationClaim(@Parent() person: StaffMember, @CurrentStaff() viewer: StaffMember) {
    if (person.id !== viewer.id) return null;
    const [claim] = await this.claims.latestOf([person.id]);
    const open = [OrganisationClaimStatus.PENDING, OrganisationClaimStatus.REFUSED];
    return claim && open.includes(claim.status) ? claim : null;
  }
}
