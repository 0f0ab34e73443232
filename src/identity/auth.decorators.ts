import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import { AuthenticatedUser } from './authenticated-user';

export const IS_PUBLIC = 'identity:isPublic';
export const REQUIRES_COMMS_ADMIN = 'identity:requiresCommsAdmin';

/** Reachable without signing in. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only for the communications team (app role Comms.Admin). */
export const CommsAdminOnly = () => SetMetadata(REQUIRES_COMMS_ADMIN, true);

export function requestOf(context: ExecutionContext): Request {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: Request }>().req;
  }
  return context.switchToHttp().getRequest<Request>();
}

export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext) => requestOf(context).user as AuthenticatedUser,
);

export const CurrentStaff = createParamDecorator(
  (_: unknown, context: ExecutionContext) => (requestOf(context).user as AuthenticatedUser).staff,
);
