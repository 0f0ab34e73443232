import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { GqlContextType } from '@nestjs/graphql';
import type { Response } from 'express';
import { describeError, DomainError } from './domain-error';

/**
 * REST routes answer a domain error with its status and `describeError`'s body. GraphQL gets the
 * error back untouched: formatError maps it there, with `describeError` too, so root and nested
 * fields are answered alike.
 */
@Catch(DomainError)
export class DomainErrorFilter implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost) {
    if (host.getType<GqlContextType>() === 'graphql') return error;
    const { code, ...rest } = describeError(error);
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(error.httpStatus)
      .json({ error: code, message: error.message, ...rest });
  }
}
