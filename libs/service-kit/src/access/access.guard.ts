import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Principal, PlatformErrorCode } from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import { ACCESS_POLICY_METADATA, type AccessPolicy } from './access-policy';
import { ACCESS_SETTINGS, type AccessSettings } from './access-settings';
import type { TokenVerifier } from './token-verifier';

/** The request as the guard leaves it: handlers read `principal` through @CurrentPrincipal(). */
export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}

// RFC 6750 b64token; JWTs are base64url segments joined by dots.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/**
 * The one guard of every service: reads the route's declared policy, authenticates the bearer token, checks the
 * role and, for operators, that they operate this service's NMI. A route without a policy never gets here
 * (RoutePolicyCheck stops start-up), but is refused all the same.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  readonly #reflector: Reflector;
  readonly #verifier: TokenVerifier;
  readonly #ownNmi: string;

  constructor(@Inject(Reflector) reflector: Reflector, @Inject(ACCESS_SETTINGS) settings: AccessSettings) {
    this.#reflector = reflector;
    this.#verifier = settings.verifier;
    this.#ownNmi = settings.ownNmi;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.#reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (policy === undefined) {
      throw accessError(PlatformErrorCode.ACCESS_FORBIDDEN, 'this route declares no access policy');
    }
    if (policy.public) {
      return true;
    }
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.#authenticate(request.headers.authorization);
    if (!policy.roles.includes(principal.role)) {
      throw accessError(
        PlatformErrorCode.ACCESS_FORBIDDEN,
        `role ${principal.role} may not call this route (allowed: ${policy.roles.join(', ')})`,
      );
    }
    if (policy.ownNmiOnly && principal.role === 'nmi-operator' && principal.nmi !== this.#ownNmi) {
      throw accessError(
        PlatformErrorCode.NMI_FORBIDDEN,
        `an operator of ${principal.nmi ?? '?'} cannot act for ${this.#ownNmi}`,
      );
    }
    request.principal = principal;
    return true;
  }

  async #authenticate(header: string | string[] | undefined): Promise<Principal> {
    const token = typeof header === 'string' ? BEARER.exec(header.trim())?.[1] : undefined;
    if (token === undefined) {
      throw accessError(
        PlatformErrorCode.UNAUTHENTICATED,
        'a bearer token is required (Authorization: Bearer …)',
      );
    }
    return this.#verifier.verify(token);
  }
}

export function accessError(code: PlatformErrorCode, message: string): DomainError {
  return new DomainError({ code, message });
}
