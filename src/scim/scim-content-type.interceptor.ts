import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { SCIM_CONTENT_TYPE } from './scim-schemas';

/** SCIM answers are application/scim+json (RFC 7644 §3.1). */
@Injectable()
export class ScimContentTypeInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler) {
    context.switchToHttp().getResponse<Response>().type(SCIM_CONTENT_TYPE);
    return next.handle();
  }
}
