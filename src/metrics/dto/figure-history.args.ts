import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';

export const HISTORY_DAYS_MAX = 366;

@ArgsType()
export class FigureHistoryArgs {
  @Field(() => Int, {
    defaultValue: 90,
    description: 'How many days back from today, in Europe/London (1–366).',
  })
  @IsInt({ message: 'days must be a whole number' })
  @Min(1, { message: 'days must be from 1 to 366' })
  @Max(HISTORY_DAYS_MAX, { message: 'days must be from 1 to 366' })
  days: number = 90;
}
