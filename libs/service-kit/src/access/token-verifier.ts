import type { TrustedIssuer } from '@metrochain/config';
import { type Principal, TOKEN_AUDIENCE, principalClaimsSchema } from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import { type CryptoKey, type JWTHeaderParameters, errors, importJWK, jwtVerify } from 'jose';

export const TOKEN_ALGORITHM = 'ES256';

/**
 * Checks bearer tokens (JWT, ES256) against the NMIs' issuer keys with `jose`: the header's `kid` names the issuing
 * NMI, whose key must verify the signature; `iss` must be that NMI, `aud` metrochain, and the token unexpired. An
 * operator token is only valid for the NMI that issued it.
 */
export class TokenVerifier {
  readonly #keys: Map<string, Promise<CryptoKey | Uint8Array>>;

  constructor(issuers: readonly TrustedIssuer[]) {
    this.#keys = new Map(issuers.map((entry) => [entry.issuer, importJWK(entry.jwk, TOKEN_ALGORITHM)]));
  }

  async verify(token: string): Promise<Principal> {
    const { payload, protectedHeader } = await jwtVerify(token, this.#keyFor, {
      audience: TOKEN_AUDIENCE,
      algorithms: [TOKEN_ALGORITHM],
      requiredClaims: ['exp', 'iss', 'sub'],
    }).catch((error: unknown) => {
      if (error instanceof DomainError) {
        throw error;
      }
      throw invalidToken(
        error instanceof errors.JOSEError ? error.code : 'the token could not be read',
        error,
      );
    });
    const claims = principalClaimsSchema.safeParse(payload);
    if (!claims.success || claims.data.iss !== protectedHeader.kid) {
      throw invalidToken('the token claims are not a metrochain principal of its issuer');
    }
    if (claims.data.role === 'nmi-operator' && claims.data.nmi !== claims.data.iss) {
      throw invalidToken('an operator token must be issued by the NMI it operates');
    }
    const { iss, sub, role, nmi } = claims.data;
    return nmi === undefined ? { name: sub, role, issuer: iss } : { name: sub, role, issuer: iss, nmi };
  }

  readonly #keyFor = (header: JWTHeaderParameters): Promise<CryptoKey | Uint8Array> => {
    const key = header.kid === undefined ? undefined : this.#keys.get(header.kid);
    if (key === undefined) {
      return Promise.reject(invalidToken(`no trusted issuer ${header.kid ?? '(no kid)'}`));
    }
    return key;
  };
}

function invalidToken(reason: string, cause?: unknown): DomainError {
  return new DomainError({ code: 'TOKEN_INVALID', message: `invalid bearer token: ${reason}`, cause });
}
