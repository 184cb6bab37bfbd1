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
  method?: string;
  principal?: Principal;
  /** The token the principal was authenticated with (bearer or session cookie), for calls made on its behalf. */
  credential?: string;
}

/** The browser session cookie (set by a service's session route): the same NMI-issued token, HttpOnly. */
export const SESSION_COOKIE = 'mc_session';
/** What unsafe requests authenticated by the cookie must carry: a header a cross-site form cannot set. */
export const CSRF_HEADER = 'x-metrochain-csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

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
    const credential = credentialOf(request);
    const principal = await this.#verifier.verify(credential);
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
    request.credential = credential;
    return true;
  }
}

/**
 * The bearer token of the Authorization header, else the session cookie's; a request authenticated by the cookie
 * with an unsafe method must also carry the CSRF header (SameSite=Strict is the first line, this the second).
 */
function credentialOf(request: AuthenticatedRequest): string {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const token = typeof header === 'string' ? BEARER.exec(header.trim())?.[1] : undefined;
    if (token === undefined) {
      throw accessError(PlatformErrorCode.UNAUTHENTICATED, 'the Authorization header is not a bearer token');
    }
    return token;
  }
  const cookie = sessionCookieOf(request.headers.cookie);
  if (cookie === undefined) {
    throw accessError(
      PlatformErrorCode.UNAUTHENTICATED,
      'a bearer token is required (Authorization: Bearer …, or a session cookie)',
    );
  }
  if (!SAFE_METHODS.has((request.method ?? 'GET').toUpperCase()) && request.headers[CSRF_HEADER] !== '1') {
    throw accessError(
      PlatformErrorCode.CSRF_REQUIRED,
      `a request authenticated by the session cookie must send ${CSRF_HEADER}: 1`,
    );
  }
  return cookie;
}

/** The session cookie's value in a Cookie header, if present and token-shaped. */
export function sessionCookieOf(header: string | string[] | undefined): string | undefined {
  const text = Array.isArray(header) ? header.join('; ') : header;
  for (const part of (text ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    const value = rest.join('=');
    if (name === SESSION_COOKIE && /^[A-Za-z0-9\-._~+/]+=*$/.test(value)) {
      return value;
    }
  }
  return undefined;
}

export function accessError(code: PlatformErrorCode, message: string): DomainError {
  return new DomainError({ code, message });
}
