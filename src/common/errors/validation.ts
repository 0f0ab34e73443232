import { ValidationError, ValidationPipe } from '@nestjs/common';
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

/** class-validator failures become BAD_USER_INPUT naming the field, like every other bad input. */
export const validationPipe = () => {
  rememberValidationRules();
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors) => {
      const { field, message } = firstFailure(errors);
      return new InvalidInputError(CommonErrorReason.INVALID_INPUT, message, field);
    },
  });
};
