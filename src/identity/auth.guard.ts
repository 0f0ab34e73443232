import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard as PassportAuthGuard } from '@nestjs/passport';
import { ForbiddenError, UnauthenticatedError } from '../common/errors/domain-error';
import { IS_PUBLIC, REQUIRES_COMMS_ADMIN, requestOf } from './auth.decorators';
import { holdsAdminRole } from './admin-scope';
import { AuthenticatedUser } from './authenticated-user';
import { IdentityErrorReason } from './identity.errors';
import { SignedInCache } from './signed-in-cache';

/** The bearer token as passport-jwt reads it (`Authorization: Bearer <token>`, any case). */
function bearerTokenOf(request: { headers: Record<string, unknown> }): string | undefined {
  const header = request.headers.authorization;
  const parts = typeof header === 'string' ? /^(\S+)\s+(\S+)$/.exec(header) : null;
  return parts && parts[1].toLowerCase() === 'bearer' ? parts[2] : undefined;
}

/**
 * Global guard: every GraphQL operation and route needs a valid bearer token unless marked
 * @Public(); @CommsAdminOnly() also needs a communications role from the token
 * (Comms.Admin or Comms.NationalAdmin); where it may act is admin-scope.ts's to decide.
 * A token verified in the last few seconds signs in its person again from SignedInCache.
 */
@Injectable()
export class AuthGuard extends PassportAuthGuard('bearer-token') {
  constructor(
    private readonly reflector: Reflector,
    private readonly signedIn: SignedInCache,
  ) {
    super();
  }

  getRequest(context: ExecutionContext) {
    return requestOf(context);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    await this.signIn(context);
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

  private async signIn(context: ExecutionContext): Promise<void> {
    const request = requestOf(context);
    const token = bearerTokenOf(request);
    const remembered = token && this.signedIn.get(token);
    if (remembered) {
      request.user = remembered;
      return;
    }
    const generation = this.signedIn.generation;
    await super.canActivate(context);
    if (token) this.signedIn.remember(token, request.user as AuthenticatedUser, generation);
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
