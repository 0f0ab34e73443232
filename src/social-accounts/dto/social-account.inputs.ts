import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString } from 'class-validator';
import { IdField } from '../../common/graphql/id';
import { Platform } from '../platforms/platform';
import { AccountPurpose, AccountVisibility, SocialAccount } from '../social-account.entity';

const HANDLE_DESCRIPTION =
  'What the person typed or pasted: @name, a bare name or a profile link. Normalised to the ' +
  'platform’s canonical handle, or refused naming the field `handle` with a reason.';

@ObjectType({ description: 'A live preview of a handle, without saving anything.' })
export class SocialHandlePreview {
  @Field()
  valid: boolean;

  @Field(() => String, { nullable: true, description: 'The canonical handle, when valid.' })
  handle: string | null;

  @Field(() => String, { nullable: true, description: 'The profile URL, when valid.' })
  url: string | null;

  @Field(() => String, { nullable: true, description: 'Why it is not valid, for a person.' })
  error: string | null;
}

@InputType()
export class AddSocialAccountInput {
  @Field(() => Platform)
  @IsEnum(Platform, { message: 'platform must be one of the listed platforms' })
  platform: Platform;

  @Field({ description: HANDLE_DESCRIPTION })
  @IsString()
  handle: string;

  @Field(() => AccountPurpose, { defaultValue: AccountPurpose.PROFESSIONAL })
  @IsEnum(AccountPurpose, { message: 'purpose must be PROFESSIONAL or PERSONAL' })
  purpose: AccountPurpose = AccountPurpose.PROFESSIONAL;

  @Field(() => AccountVisibility, { defaultValue: AccountVisibility.NHS_DIRECTORY })
  @IsEnum(AccountVisibility, {
    message: 'visibility must be NHS_DIRECTORY, ORGANISATION or ONLY_ME',
  })
  visibility: AccountVisibility = AccountVisibility.NHS_DIRECTORY;
}

@InputType({ description: 'Changes to one of my accounts; a field left out is unchanged.' })
export class UpdateSocialAccountInput {
  @IdField({ of: 'account' })
  id: number;

  @Field(() => String, {
    nullable: true,
    description: `A new handle on the same platform (its verification starts again). ${HANDLE_DESCRIPTION}`,
  })
  @IsOptional()
  @IsString()
  handle?: string | null;

  @Field(() => AccountPurpose, { nullable: true })
  @IsOptional()
  @IsEnum(AccountPurpose, { message: 'purpose must be PROFESSIONAL or PERSONAL' })
  purpose?: AccountPurpose | null;

  @Field(() => AccountVisibility, { nullable: true })
  @IsOptional()
  @IsEnum(AccountVisibility, {
    message: 'visibility must be NHS_DIRECTORY, ORGANISATION or ONLY_ME',
  })
  visibility?: AccountVisibility | null;
}

@InputType()
export class RemoveSocialAccountInput {
  @IdField({ of: 'account' })
  id: number;
}

@ObjectType()
export class AddSocialAccountPayload {
  @Field(() => SocialAccount)
  account: SocialAccount;
}

@ObjectType()
export class UpdateSocialAccountPayload {
  @Field(() => SocialAccount)
  account: SocialAccount;
}

@ObjectType()
export class RemoveSocialAccountPayload {
  @Field(() => ID, { description: 'The id of the account removed.' })
  removedAccountId: string;
}
