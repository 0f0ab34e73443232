import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { GqlContextType } from '@nestjs/graphql';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { DomainError } from './domain-error';

/** The one place a domain error becomes a GraphQL `extensions.code` or an HTTP status. */
@Catch(DomainError)
export class DomainErrorFilter implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost) {
    if (host.getType<GqlContextType>() === 'graphql') {
      return new GraphQLError(error.message, {
        extensions: { code: error.code, ...(error.field ? { field: error.field } : {}) },
        originalError: error,
      });
    }
    const response = host.switchToHttp().getResponse<Response>();
    response.status(error.httpStatus).json({
      error: error.code,
      message: error.message,
      ...(error.field ? { field: error.field } : {}),
    });
  }
}
