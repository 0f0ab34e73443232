import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@InputType()
export class EraseMyDataInput {
  @Field({ description: 'Exactly "ERASE": the person typed it to confirm.' })
  @IsString()
  @MaxLength(20)
  confirm: string;
}

@ObjectType()
export class EraseMyDataPayload {
  @Field({
    description:
      'True: everything held about you is gone. Sign out; signing in again starts an empty record.',
  })
  erased: boolean;
}
