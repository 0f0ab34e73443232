import { Transform } from 'class-transformer';
import { registerDecorator, ValidationArguments } from 'class-validator';
import { PlainTextRule, plainTextProblem, tidyText } from './plain-text';

/** class-validator: trims the text, then refuses it when too long or holding control characters. */
export function IsPlainText(rule: PlainTextRule): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    Transform(({ value }) => tidyText(value))(target, propertyName);
    registerDecorator({
      name: 'isPlainText',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) =>
          value === null ||
          value === undefined ||
          (typeof value === 'string' && plainTextProblem(value, rule) === null),
        defaultMessage: ({ property, value }: ValidationArguments) =>
          `${property} ${typeof value === 'string' ? plainTextProblem(value, rule) : 'must be text'}`,
      },
    });
  };
}
