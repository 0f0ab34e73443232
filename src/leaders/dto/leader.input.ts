import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsInt,
  IsNotEmpty,
  IsOptional,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

@InputType({ description: 'Feature a person as a leader, or change their leader profile.' })
export class SetLeaderInput {
  @Field(() => ID)
  @Matches(/^\d+$/, { message: 'staffId is not a staff id' })
  staffId: string;

  @Field({ description: 'e.g. Chief Executive.' })
  @IsNotEmpty({ message: 'Give the leader a title, like Chief Executive' })
  @MaxLength(200)
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  statement?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Position from 1; others move down. Left out: last (or unchanged).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  featuredOrder?: number | null;
}

@InputType()
export class RemoveLeaderInput {
  @Field(() => ID)
  @Matches(/^\d+$/, { message: 'staffId is not a staff id' })
  staffId: string;
}

@InputType({ description: 'Every leader, in the order to feature them.' })
export class ReorderLeadersInput {
  @Field(() => [ID])
  @ArrayMaxSize(1000)
  @ArrayUnique({ message: 'staffIds lists someone twice' })
  @Matches(/^\d+$/, { each: true, message: 'staffIds holds something that is not a staff id' })
  staffIds: string[];
}
