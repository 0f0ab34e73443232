import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsNotEmpty, IsOptional, ValidateIf } from 'class-validator';
import { IdField } from '../../common/graphql/id';
import { StaffGroup } from '../staff-group';
import { StaffMember } from '../staff-member.entity';
import { IsPlainText } from '../plain-text.validator';

export const PROFILE_LIMITS = { displayName: 100, jobTitle: 100, pronouns: 30, bio: 1000 };

@InputType({
  description:
    'Changes to my profile. A field left out is unchanged; null clears it (not displayName). ' +
    `Limits: displayName ${PROFILE_LIMITS.displayName}, jobTitle ${PROFILE_LIMITS.jobTitle}, ` +
    `pronouns ${PROFILE_LIMITS.pronouns}, bio ${PROFILE_LIMITS.bio} characters. ` +
    'Text is stored exactly as typed (HTML included) and shown as text.',
})
export class UpdateMyProfileInput {
  @Field(() => String, { nullable: true })
  @ValidateIf((_, value) => value !== undefined)
  @IsNotEmpty({ message: 'displayName cannot be empty' })
  @IsPlainText({ maxLength: PROFILE_LIMITS.displayName })
  displayName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsPlainText({ maxLength: PROFILE_LIMITS.jobTitle })
  jobTitle?: string | null;

  @Field(() => StaffGroup, { nullable: true })
  @IsOptional()
  @IsEnum(StaffGroup, { message: 'staffGroup must be one of the ten national staff groups' })
  staffGroup?: StaffGroup | null;

  @IdField({ of: 'site', nullable: true, description: 'A site of my organisation.' })
  siteId?: number | null;

  @IdField({ of: 'department', nullable: true, description: 'A department of my organisation.' })
  departmentId?: number | null;

  @Field(() => String, { nullable: true, description: 'e.g. she/her, they/them.' })
  @IsOptional()
  @IsPlainText({ maxLength: PROFILE_LIMITS.pronouns })
  pronouns?: string | null;

  @Field(() => String, { nullable: true, description: 'Line breaks allowed.' })
  @IsOptional()
  @IsPlainText({ maxLength: PROFILE_LIMITS.bio, multiline: true })
  bio?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true to be named on leaderboards; false to be shown as an anonymous entry.',
  })
  @IsOptional()
  @IsBoolean({ message: 'showOnLeaderboard must be true or false' })
  showOnLeaderboard?: boolean;
}

@ObjectType()
export class UpdateMyProfilePayload {
  @Field(() => StaffMember, { description: 'My profile as saved.' })
  staffMember: StaffMember;
}
