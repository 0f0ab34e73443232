import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/graphql/connection';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsUrl, MaxLength, Min } from 'class-validator';
import { StaffMember } from '../../staff/staff-member.entity';
import { IsPlainText } from '../../staff/plain-text.validator';
import { GuidanceDocument } from '../guidance-document.entity';
import { RegulatorGuidance } from '../regulator-guidance';

@ObjectType({
  description: 'The social media guidance that applies to me, and whether I accepted it.',
})
export class Guidance {
  @Field(() => GuidanceDocument, {
    nullable: true,
    description:
      'My organisation’s current guidance; for people without an organisation, or whose ' +
      'organisation has published none, the NHS-wide guidance; null when neither exists ' +
      '(then there is nothing to accept and I am listed).',
  })
  current: GuidanceDocument | null;

  @Field({ description: 'Whether I accepted the current version (true when there is none).' })
  accepted: boolean;

  @Field(() => Date, { nullable: true, description: 'When I accepted the current version.' })
  acceptedAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'When I have not accepted the current version but am still listed in its grace period: ' +
      'when that ends and I am unlisted unless I accept. Null otherwise.',
  })
  listedUntil: Date | null;

  @Field(() => [RegulatorGuidance], {
    description: 'My professional regulator’s guidance, from my staff group (may be empty).',
  })
  regulatorGuidance: RegulatorGuidance[];
}

@InputType()
export class AcceptGuidanceInput {
  @Field(() => Int, { description: 'The version I read: it must be the current one.' })
  @IsInt()
  @Min(1)
  version: number;
}

@ObjectType()
export class AcceptGuidancePayload {
  @Field(() => Guidance)
  guidance: Guidance;

  @Field(() => StaffMember, { description: 'Me, now listed in the directory.' })
  staffMember: StaffMember;
}

@InputType({ description: 'A new version of the guidance; everyone it applies to accepts again.' })
export class PublishGuidanceInput {
  @Field()
  @IsNotEmpty({ message: 'title cannot be empty' })
  @IsPlainText({ maxLength: 200 })
  title: string;

  @Field({ description: 'A short summary shown before the link; line breaks allowed.' })
  @IsNotEmpty({ message: 'summary cannot be empty' })
  @IsPlainText({ maxLength: 2000, multiline: true })
  summary: string;

  @Field({ description: 'Where the full guidance is published (https).' })
  @MaxLength(2048)
  @IsUrl(
    { protocols: ['https'], require_protocol: true },
    { message: 'url must be an https:// web address' },
  )
  url: string;

  @Field(() => String, {
    nullable: true,
    description:
      'What changed since the previous version, shown to everyone asked to accept again.',
  })
  @IsOptional()
  @IsPlainText({ maxLength: 2000, multiline: true })
  whatChanged?: string | null;

  @Field({
    defaultValue: false,
    description:
      'Publish the NHS-wide guidance (for people without an organisation and organisations ' +
      'with none of their own) instead of my organisation’s.',
  })
  @IsOptional()
  @IsBoolean()
  nhsWide: boolean = false;
}

@ObjectType()
export class PublishGuidancePayload {
  @Field(() => GuidanceDocument)
  document: GuidanceDocument;
}

@ObjectType('GuidanceNotAcceptedConnection', {
  description:
    'People of my organisation who have not accepted its current guidance, by name. During the ' +
    'grace period they are still listed; after it, they are not until they accept.',
})
export class GuidanceNotAcceptedConnection extends ConnectionType(
  StaffMember,
  'GuidanceNotAccepted',
) {
  @Field(() => GuidanceDocument, {
    nullable: true,
    description: 'The version they have not accepted.',
  })
  guidance: GuidanceDocument | null;
}
