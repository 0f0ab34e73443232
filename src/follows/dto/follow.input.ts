import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, Matches } from 'class-validator';

@InputType({ description: 'A person, by staff id.' })
export class StaffIdInput {
  @Field(() => ID)
  @Matches(/^\d+$/, { message: 'staffId is not a staff id' })
  staffId: string;
}

@InputType()
export class FollowSuggestionsOptOutInput {
  @Field({ description: 'True: never suggest me to others. False: suggestions may include me.' })
  @IsBoolean()
  optOut: boolean;
}
