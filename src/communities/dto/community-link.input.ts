import { Field, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsUrl, MaxLength } from 'class-validator';

@InputType({ description: 'A link shown on a community’s page.' })
export class CommunityLinkInput {
  @Field()
  @IsNotEmpty({ message: 'Give the link a label' })
  @MaxLength(60)
  label: string;

  @Field({ description: 'An http(s) address.' })
  @IsUrl(
    { protocols: ['https', 'http'], require_protocol: true },
    { message: 'Enter a full web address starting https://' },
  )
  @MaxLength(2048)
  url: string;
}
