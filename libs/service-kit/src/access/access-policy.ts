import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import type { PrincipalRole } from '@metrochain/contracts';

/** What a route declares about its callers: anyone, or principals of these roles (operators of this NMI only). */
export type AccessPolicy =
  | Readonly<{ public: true }>
  | Readonly<{ public: false; roles: readonly PrincipalRole[]; ownNmiOnly: boolean }>;

export const ACCESS_POLICY_METADATA = 'metrochain:access-policy';
/** The OpenAPI extension each operation carries, so that clients and the access table test read the same policy. */
export const ACCESS_EXTENSION = 'x-access';
export const BEARER_SCHEME = 'bearer';

/** Anyone may call the route (health, signature verification, proofs, signed meter readings). */
export function Public(): ClassDecorator & MethodDecorator {
  const policy: AccessPolicy = { public: true };
  return applyDecorators(SetMetadata(ACCESS_POLICY_METADATA, policy), ApiExtension(ACCESS_EXTENSION, policy));
}

/**
 * Only principals holding one of `roles`; an `nmi-operator` must also operate the NMI this service acts for
 * (an operator acts only as its own NMI).
 */
export function Allow(...roles: readonly PrincipalRole[]): ClassDecorator & MethodDecorator {
  if (roles.length === 0) {
    throw new Error('Allow() needs at least one role; use Public() for an open route');
  }
  const policy: AccessPolicy = { public: false, roles, ownNmiOnly: roles.includes('nmi-operator') };
  return applyDecorators(
    SetMetadata(ACCESS_POLICY_METADATA, policy),
    ApiExtension(ACCESS_EXTENSION, policy),
    // The 401 and 403 answers are documented on every protected operation by addPlatformResponses.
    ApiBearerAuth(BEARER_SCHEME),
  );
}
