import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ConnectionType, PageArgs } from '../../common/graphql/connection';
import { IdField } from '../../common/graphql/id';
import { Platform } from '../../social-accounts/platforms/platform';
import { SocialAccount } from '../../social-accounts/social-account.entity';
import {
  ListingReport,
  ListingReportKind,
  ListingReportResolution,
} from '../listing-report.entity';
import { OfficialAccount } from '../official-account.entity';
import { VerificationRequest } from '../verification-request.entity';

const NOTE_LENGTH = 1000;

@InputType()
export class RequestVerificationInput {
  @IdField({ of: 'account' })
  accountId: number;
}

@InputType()
export class CheckVerificationProofInput {
  @IdField({ of: 'account' })
  accountId: number;
}

@InputType()
export class VerifySocialAccountInput {
  @IdField({ of: 'account' })
  accountId: number;
}

@InputType()
export class RejectSocialAccountInput {
  @IdField({ of: 'account' })
  accountId: number;

  @Field({ description: 'Why, written for the person to read and act on.' })
  @IsString()
  @IsNotEmpty({ message: 'Give a reason the person can act on' })
  @MaxLength(NOTE_LENGTH)
  reason: string;
}

@ObjectType()
export class VerificationPayload {
  @Field(() => SocialAccount)
  account: SocialAccount;

  @Field(() => VerificationRequest)
  request: VerificationRequest;
}

@ObjectType()
export class VerificationRequestConnection extends ConnectionType(VerificationRequest) {}

@InputType({ description: 'An official account of an organisation, registered by its team.' })
export class RegisterOfficialAccountInput {
  @Field(() => Platform)
  @IsEnum(Platform, { message: 'platform must be one of the listed platforms' })
  platform: Platform;

  @Field({ description: 'A handle or profile link, as for addSocialAccount.' })
  @IsString()
  @MaxLength(2048)
  handle: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(120)
  label?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(NOTE_LENGTH)
  note?: string | null;

  @IdField({
    of: 'organisation',
    nullable: true,
    description: 'Left out: the organisation the team acts for (required of national admins).',
  })
  organisationId?: number | null;
}

@InputType()
export class RemoveOfficialAccountInput {
  @IdField({ of: 'official account' })
  id: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(NOTE_LENGTH)
  note?: string | null;
}

@InputType({
  description:
    'The dispute path: move a handle to a person, or (toStaffId left out) to the organisation’s ' +
    'official accounts, taking it from whoever holds it.',
})
export class ReassignSocialHandleInput {
  @Field(() => Platform)
  @IsEnum(Platform, { message: 'platform must be one of the listed platforms' })
  platform: Platform;

  @Field()
  @IsString()
  @MaxLength(2048)
  handle: string;

  @Field({ description: 'Why: kept in the audit log.' })
  @IsString()
  @IsNotEmpty({ message: 'Write a note saying why the handle moves' })
  @MaxLength(NOTE_LENGTH)
  note: string;

  @IdField({ of: 'staff', nullable: true })
  toStaffId?: number | null;

  @IdField({ of: 'organisation', nullable: true })
  organisationId?: number | null;
}

@ObjectType()
export class RegisterOfficialAccountPayload {
  @Field(() => OfficialAccount)
  officialAccount: OfficialAccount;
}

@ObjectType()
export class RemoveOfficialAccountPayload {
  @Field(() => ID)
  removedOfficialAccountId: string;
}

@ObjectType()
export class ReassignSocialHandlePayload {
  @Field(() => OfficialAccount, { nullable: true })
  officialAccount: OfficialAccount | null;

  @Field(() => SocialAccount, { nullable: true })
  account: SocialAccount | null;
}

@ObjectType()
export class OfficialAccountConnection extends ConnectionType(OfficialAccount) {}

@ArgsType()
export class OfficialAccountsArgs extends PageArgs {
  @IdField({ of: 'organisation', nullable: true })
  organisationId?: number | null;
}

@InputType()
export class ReportListingInput {
  @IdField({ of: 'account' })
  accountId: number;

  @Field(() => ListingReportKind)
  @IsEnum(ListingReportKind, { message: 'kind must be WRONG_PERSON, IMPERSONATION or ABUSE' })
  kind: ListingReportKind;

  @Field()
  @IsString()
  @IsNotEmpty({ message: 'Say what is wrong with this listing' })
  @MaxLength(NOTE_LENGTH)
  reason: string;
}

@InputType()
export class ResolveListingReportInput {
  @IdField({ of: 'report' })
  reportId: number;

  @Field(() => ListingReportResolution)
  @IsEnum(ListingReportResolution, { message: 'resolution must be DISMISS, HIDE or REMOVE' })
  resolution: ListingReportResolution;

  @Field({ description: 'For the person who reported it.' })
  @IsString()
  @IsNotEmpty({ message: 'Write a note for the person who reported it' })
  @MaxLength(NOTE_LENGTH)
  note: string;
}

@ObjectType()
export class ListingReportPayload {
  @Field(() => ListingReport)
  report: ListingReport;
}

@ObjectType()
export class ListingReportConnection extends ConnectionType(ListingReport) {}
