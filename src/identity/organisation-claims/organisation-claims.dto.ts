import { ArgsType, Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsNotEmpty, MaxLength } from 'class-validator';
import { ConnectionType, PageArgs } from '../../common/graphql/connection';
import { IdField } from '../../common/graphql/id';
import { OrganisationClaim } from './organisation-claim.entity';

@ArgsType()
export class OrganisationClaimsArgs extends PageArgs {
  @IdField({
    of: 'organisation',
    nullable: true,
    description: 'Left out: the organisation I administer (Comms.NationalAdmin: every one).',
  })
  organisationId?: number;
}

@ObjectType()
export class OrganisationClaimConnection extends ConnectionType(OrganisationClaim) {}

@InputType()
export class ConfirmOrganisationClaimInput {
  @IdField({ of: 'claim' })
  claimId: number;
}

@InputType()
export class RefuseOrganisationClaimInput {
  @IdField({ of: 'claim' })
  claimId: number;

  @Field({ description: 'Why, in words the person will read.' })
  @IsNotEmpty({ message: 'Say why the claim is refused: the person reads it' })
  @MaxLength(500)
  reason: string;
}

@ObjectType()
export class OrganisationClaimPayload {
  @Field(() => OrganisationClaim)
  claim: OrganisationClaim;
}
