import { z } from 'zod';

/**
 * Who calls the HTTP APIs (docs/identity.md). Meters are not principals here: they are authenticated by the
 * signatures on their readings, so the ingest routes are public and rate-limited per meter and per client.
 */
export const PRINCIPAL_ROLES = ['manufacturer', 'nmi-operator', 'utility', 'auditor', 'customer'] as const;
export type PrincipalRole = (typeof PRINCIPAL_ROLES)[number];

/** Every token is for this audience; a token minted for another system is refused. */
export const TOKEN_AUDIENCE = 'metrochain';

/** Principal names: what `sub` carries and what object-level checks compare. */
export const principalNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'expected 1-64 lowercase letters, digits, . _ or -');

/**
 * The claims of a bearer token (a JWT signed ES256 by one NMI's issuer key; `iss` is that NMI's MSP id and the
 * header's `kid`). An operator's `nmi` must be the issuing NMI: no NMI can make operators of another.
 */
export const principalClaimsSchema = z.object({
  iss: z.string().min(1),
  sub: principalNameSchema,
  role: z.enum(PRINCIPAL_ROLES),
  nmi: z.string().min(1).optional(),
});
export type PrincipalClaims = z.infer<typeof principalClaimsSchema>;

/** An authenticated caller as handlers see it. */
export interface Principal {
  /** The principal's name (`sub`), e.g. `acme` for a manufacturer. */
  name: string;
  role: PrincipalRole;
  /** MSP id of the NMI that issued the credential. */
  issuer: string;
  /** For NMI operators: the MSP id of the NMI they operate. */
  nmi?: string;
}

/** The body of every error answer of every service. */
export const errorBodySchema = z.object({ code: z.string().min(1), message: z.string() });
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Codes the service platform itself answers with, whatever the service (docs/identity.md has the statuses). */
export const PlatformErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  TOKEN_INVALID: 'TOKEN_INVALID',
  ACCESS_FORBIDDEN: 'ACCESS_FORBIDDEN',
  CSRF_REQUIRED: 'CSRF_REQUIRED',
  NMI_FORBIDDEN: 'NMI_FORBIDDEN',
  RATE_LIMITED: 'RATE_LIMITED',
  ROUTE_NOT_FOUND: 'ROUTE_NOT_FOUND',
  REQUEST_INVALID: 'REQUEST_INVALID',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  INTERNAL: 'INTERNAL',
} as const;
export type PlatformErrorCode = (typeof PlatformErrorCode)[keyof typeof PlatformErrorCode];
