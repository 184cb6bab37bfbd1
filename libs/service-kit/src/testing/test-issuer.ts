import type { Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { TrustedIssuer } from '@metrochain/config';
import { type PrincipalRole, TOKEN_AUDIENCE } from '@metrochain/contracts';
import { createLogger } from '@metrochain/observability';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { AccessGuard } from '../access/access.guard';
import { errorFilterProviders } from '../access/access.providers';
import { ACCESS_SETTINGS } from '../access/access-settings';
import { TOKEN_ALGORITHM, TokenVerifier } from '../access/token-verifier';
import type { HttpStatusOf } from '../http/http-error.filter';

/** An NMI's token issuer for specs: a fresh P-256 key whose public half services trust. */
export interface TestIssuer {
  trusted: TrustedIssuer;
  token(claims: Readonly<{ sub: string; role: PrincipalRole; nmi?: string }>): Promise<string>;
}

export async function newTestIssuer(issuer = 'PTBMSP'): Promise<TestIssuer> {
  const { privateKey, publicKey } = await generateKeyPair(TOKEN_ALGORITHM, { extractable: true });
  const jwk = await exportJWK(publicKey);
  return {
    trusted: { issuer, jwk: { kty: 'EC', crv: 'P-256', x: jwk.x ?? '', y: jwk.y ?? '' } },
    token: (claims) =>
      new SignJWT({ ...claims })
        .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid: issuer })
        .setIssuer(issuer)
        .setAudience(TOKEN_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(privateKey),
  };
}

/** The access guard and the error filter as the platform installs them, for a spec's module. */
export function accessSpecProviders(
  options: Readonly<{ issuers: readonly TrustedIssuer[]; ownNmi: string; errorStatus?: HttpStatusOf }>,
): Provider[] {
  return [
    {
      provide: ACCESS_SETTINGS,
      useValue: { verifier: new TokenVerifier(options.issuers), ownNmi: options.ownNmi },
    },
    { provide: APP_GUARD, useClass: AccessGuard },
    ...errorFilterProviders(
      options.errorStatus ?? ((): undefined => undefined),
      createLogger('spec', { level: 'silent' }),
    ),
  ];
}
