import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { CommonErrorReason, InvalidInputError } from './domain-error';
import { rememberValidationRules } from './validation-rules';

function firstFailure(
  errors: ValidationError[],
  path: string[] = [],
): { field: string; message: string } {
  for (const error of errors) {
    const here = [...path, error.property];
    if (error.constraints) {
      return { field: here.join('.'), message: Object.values(error.constraints)[0] };
    }
    if (error.children?.length) return firstFailure(error.children, here);
  }
  return { field: path.join('.'), message: 'is not valid' };
}

/**
 * Nest's ValidationPipe, answering at once where it has nothing to do. As the global pipe it sees
 * every parameter of every resolver and handler: `@Parent()`, `@Context()`, `@Info()` and our own
 * parameter decorators (all `custom`), and arguments of a primitive type, which it hands back as
 * they came (or, for a REST `param` or `query`, as a number or boolean) after a promise. Each
 * field of an answer resolved by a method has such parameters, so it answers them without one;
 * an argument of a class is validated exactly as before.
 */
class ArgumentsValidationPipe extends ValidationPipe {
  // the pipe's own contract: a value, or a promise of one
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override transform(value: unknown, metadata: ArgumentMetadata): any {
    if (!this.expectedType && (!metadata.metatype || !this.toValidate(metadata)))
      return this.transformPrimitive(value, metadata);
    return super.transform(value, metadata);
  }
}

/** class-validator failures become BAD_USER_INPUT naming the field, like every other bad input. */
export const validationPipe = () => {
  rememberValidationRules();
  return new ArgumentsValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors) => {
      const { field, message } = firstFailure(errors);
      return new InvalidInputError(CommonErrorReason.INVALID_INPUT, message, field);
    },
  });
};
