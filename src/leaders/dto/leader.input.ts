import { Field, InputType, Int } from '@nestjs/graphql';
import { IdField } from '../../common/graphql/id';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsInt,
  IsNotEmpty,
  IsOptional,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

@InputType({ description: 'Feature a person as a leader, or change their leader profile.' })
export class SetLeaderInput {
  @IdField({ of: 'staff' })
  staffId: number;

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

  @IdField({
    of: 'organisation',
    nullable: true,
    description: "Whose leaders list: an organisation's. Left out: the national list.",
  })
  organisationId?: number | null;
}

@InputType({ description: 'Stop featuring a leader, on whichever list they are.' })
export class RemoveLeaderInput {
  @IdField({ of: 'staff' })
  staffId: number;
}

@InputType({ description: 'Every leader, in the order to feature them.' })
export class ReorderLeadersInput {
  @IdField({ of: 'staff', list: true })
  @ArrayMaxSize(1000)
  @ArrayUnique({ message: 'staffIds lists someone twice' })
  staffIds: number[];

  @IdField({
    of: 'organisation',
    nullable: true,
    description: "Whose leaders list: an organisation's. Left out: the national list.",
  })
  organisationId?: number | null;
}
