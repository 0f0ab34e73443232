import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean } from 'class-validator';
import { IdField } from '../../common/graphql/id';

@InputType({ description: 'A person, by staff id.' })
export class StaffIdInput {
  @IdField({ of: 'staff' })
  staffId: number;
}

@InputType()
export class FollowSuggestionsOptOutInput {
  @Field({ description: 'True: never suggest me to others. False: suggestions may include me.' })
  @IsBoolean()
  optOut: boolean;
}
