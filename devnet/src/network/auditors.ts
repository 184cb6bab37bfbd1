import { createHash, randomBytes } from 'node:crypto';
import type { Topology } from '../topology';

/** A bearer token of one NMI's auditors for the verification stream; only the devnet and network.json know it. */
export interface AuditorToken {
  name: string;
  msp: string;
  token: string;
}

/** One fresh token per NMI: 32 random bytes, base64url. */
export function newAuditorTokens(
  topology: Pick<Topology, 'orgs'>,
  random: (size: number) => Buffer = randomBytes,
): AuditorToken[] {
  return topology.orgs.map((org) => ({
    name: `auditor-${org.name.toLowerCase()}`,
    msp: org.mspId,
    token: random(32).toString('base64url'),
  }));
}

/**
 * `VERIFICATION_AUDITOR_TOKENS` for the verification service: `name:sha256hex` pairs, comma-separated, so that
 * the service can check a presented token without ever holding it.
 */
export function auditorTokensEnv(tokens: readonly AuditorToken[]): string {
  return tokens
    .map((auditor) => `${auditor.name}:${createHash('sha256').update(auditor.token).digest('hex')}`)
    .join(',');
}
