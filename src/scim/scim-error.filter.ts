import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from '../common/errors/domain-error';
import { describeForLog } from '../common/logging/loggable-error';
import { ERROR_SCHEMA, SCIM_CONTENT_TYPE } from './scim-schemas';
import { ScimError } from './scim.errors';

/** Every failure under /scim/v2 is answered in SCIM's error format (RFC 7644 §3.12). */
@Catch()
export class ScimErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('SCIM');

  catch(error: unknown, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse<Response>();
    const { status, detail, scimType } = describe(error);
    // driver errors carry the values that were written, and those are personal
    if (status >= 500) this.logger.error(describeForLog(error));
    if (status === 401) response.setHeader('WWW-Authenticate', 'Bearer realm="scim"');
    response
      .status(status)
      .type(SCIM_CONTENT_TYPE)
      .send(
        JSON.stringify({
          schemas: [ERROR_SCHEMA],
          status: String(status),
          ...(scimType ? { scimType } : {}),
          detail,
        }),
      );
  }
}

export function scimErrorBody(status: number, detail: string, scimType?: string) {
  return {
    schemas: [ERROR_SCHEMA],
    status: String(status),
    ...(scimType ? { scimType } : {}),
    detail,
  };
}

function describe(error: unknown): { status: number; detail: string; scimType?: string } {
  if (error instanceof ScimError) return error;
  if (error instanceof DomainError) return { status: error.httpStatus, detail: error.message };
  if (error instanceof HttpException) return { status: error.getStatus(), detail: error.message };
  return { status: 500, detail: 'Something went wrong; try again' };
}
