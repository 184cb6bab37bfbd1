import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PrincipalRole } from '@metrochain/contracts';
import { TOKEN_AUDIENCE } from '@metrochain/contracts';
import { SignJWT, exportJWK, exportPKCS8, generateKeyPair } from 'jose';
import type { OrgSpec, Topology } from '../topology';

/** Tokens of the local network last as long as a network reasonably runs; `up` issues new ones each time. */
const TOKEN_LIFETIME = '30d';
const ALGORITHM = 'ES256';

export interface TrustedIssuerEntry {
  issuer: string;
  jwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string };
}

export interface PrincipalEntry {
  name: string;
  role: PrincipalRole;
  issuer: string;
  nmi?: string;
  token: string;
}

/** What network.json's `identity` holds: the keys every service trusts and the local principals' credentials. */
export interface IdentitySection {
  issuers: TrustedIssuerEntry[];
  principals: PrincipalEntry[];
}

interface PrincipalSpec {
  name: string;
  role: PrincipalRole;
  /** The NMI that onboarded the principal and signs its token. */
  by: OrgSpec;
  nmi?: string;
}

/**
 * Who exists on the local network: per NMI an operator and an auditor; two manufacturers onboarded by different
 * NMIs (so that one manufacturer can be refused another's meters), two utilities and two customers.
 */
export function principalSpecs(orgs: readonly OrgSpec[]): PrincipalSpec[] {
  const [first, second = first] = orgs;
  if (first === undefined || second === undefined) {
    throw new Error('the topology has no organisations');
  }
  const perNmi = orgs.flatMap((org): PrincipalSpec[] => [
    { name: `operator-${org.name.toLowerCase()}`, role: 'nmi-operator', by: org, nmi: org.mspId },
    { name: `auditor-${org.name.toLowerCase()}`, role: 'auditor', by: org },
  ]);
  return [
    ...perNmi,
    { name: 'acme-meters', role: 'manufacturer', by: first },
    { name: 'globex-metering', role: 'manufacturer', by: second },
    { name: 'stadtwerke-nord', role: 'utility', by: first },
    { name: 'energia-sul', role: 'utility', by: second },
    { name: 'customer-0001', role: 'customer', by: first },
    { name: 'customer-0002', role: 'customer', by: first },
  ];
}

/**
 * A fresh ES256 issuer key per NMI (private half kept under `.devnet/identity/`, mode 0600) and a JWT per
 * principal signed by its NMI, as network.json's `identity` section (docs/identity.md).
 */
export async function provisionIdentity(
  topology: Pick<Topology, 'orgs'>,
  dir: string,
): Promise<IdentitySection> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const keys = new Map<string, Awaited<ReturnType<typeof generateKeyPair>>['privateKey']>();
  const issuers: TrustedIssuerEntry[] = [];
  for (const org of topology.orgs) {
    const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
    writeFileSync(path.join(dir, `${org.name.toLowerCase()}-issuer-key.pem`), await exportPKCS8(privateKey), {
      mode: 0o600,
    });
    const jwk = await exportJWK(publicKey);
    issuers.push({ issuer: org.mspId, jwk: { kty: 'EC', crv: 'P-256', x: jwk.x ?? '', y: jwk.y ?? '' } });
    keys.set(org.mspId, privateKey);
  }
  const principals = await Promise.all(
    principalSpecs(topology.orgs).map(async (spec): Promise<PrincipalEntry> => {
      const key = keys.get(spec.by.mspId);
      if (key === undefined) {
        throw new Error(`no issuer key for ${spec.by.mspId}`);
      }
      const claims = { role: spec.role, ...(spec.nmi === undefined ? {} : { nmi: spec.nmi }) };
      const token = await new SignJWT(claims)
        .setProtectedHeader({ alg: ALGORITHM, kid: spec.by.mspId })
        .setIssuer(spec.by.mspId)
        .setSubject(spec.name)
        .setAudience(TOKEN_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(TOKEN_LIFETIME)
        .sign(key);
      return { name: spec.name, issuer: spec.by.mspId, ...claims, token };
    }),
  );
  return { issuers, principals };
}
