import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsNotEmpty } from 'class-validator';
import { IdField } from '../../common/graphql/id';
import { IsPlainText } from '../../staff/plain-text.validator';
import { Department } from '../department.entity';
import { Site } from '../site.entity';

/** As long as a site or department name may be (the columns hold 200). */
export const MAX_PLACE_NAME_LENGTH = 200;

@InputType()
export class RenameSiteInput {
  @IdField({ of: 'site' })
  siteId: number;

  @Field({ description: `The new name, at most ${MAX_PLACE_NAME_LENGTH} characters.` })
  @IsPlainText({ maxLength: MAX_PLACE_NAME_LENGTH })
  @IsNotEmpty({ message: 'name must not be empty' })
  name: string;
}

@InputType()
export class RenameDepartmentInput {
  @IdField({ of: 'department' })
  departmentId: number;

  @Field({ description: `The new name, at most ${MAX_PLACE_NAME_LENGTH} characters.` })
  @IsPlainText({ maxLength: MAX_PLACE_NAME_LENGTH })
  @IsNotEmpty({ message: 'name must not be empty' })
  name: string;
}

@ObjectType()
export class RenameSitePayload {
  @Field(() => Site)
  site: Site;
}

@ObjectType()
export class RenameDepartmentPayload {
  @Field(() => Department)
  department: Department;
}
