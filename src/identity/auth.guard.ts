import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard as PassportAuthGuard } from '@nestjs/passport';
import { ForbiddenError, UnauthenticatedError } from '../common/errors/domain-error';
import { IS_PUBLIC, REQUIRES_COMMS_ADMIN, requestOf } from './auth.decorators';
import { holdsAdminRole } from './admin-scope';
import { AuthenticatedUser } from './authenticated-user';
import { IdentityErrorReason } from './identity.errors';

/**
 * Global guard: every GraphQL operation and route needs a valid bearer token unless marked
 * @Public(); @CommsAdminOnly() also needs a communications role from the token
 * (Comms.Admin or Comms.NationalAdmin); where it may act is admin-scope.ts's to decide.
 */
@Injectable()
export class AuthGuard extends PassportAuthGuard('bearer-token') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  getRequest(context: ExecutionContext) {
    return requestOf(context);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    await super.canActivate(context);
    if (this.reflector.getAllAndOverride<boolean>(REQUIRES_COMMS_ADMIN, targets)) {
      const user = requestOf(context).user as AuthenticatedUser;
      if (!holdsAdminRole(user))
        throw new ForbiddenError(
          IdentityErrorReason.COMMS_ADMIN_REQUIRED,
          'This needs the communications team role (Comms.Admin)',
        );
    }
    return true;
  }

  handleRequest<T>(error: unknown, user: T, info: unknown): T {
    if (error) throw error; // from validate(): a deactivated person, or the database
    if (!user) {
      if (info instanceof UnauthenticatedError) throw info; // the verifier's own reason
      const reason = info instanceof Error ? info.message : 'a valid bearer token is required';
      throw new UnauthenticatedError(
        IdentityErrorReason.SIGN_IN_REQUIRED,
        `Sign in first: ${reason}`,
      );
    }
    return user;
  }
}
