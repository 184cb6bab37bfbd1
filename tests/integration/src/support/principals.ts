import assert from 'node:assert/strict';
import type { ProvisionedPrincipal } from '@metrochain/config';
import { networkProfile } from './network';

/** The manufacturers the local network provisions: acme-meters (by PTB) and globex-metering (by Inmetro). */
export const MANUFACTURER = 'acme-meters';
export const OTHER_MANUFACTURER = 'globex-metering';

/** The credential network.json holds for a principal, by name. */
export function principal(name: string): ProvisionedPrincipal {
  const found = networkProfile().identity.principals.find((candidate) => candidate.name === name);
  assert.ok(found, `network.json provisions ${name}`);
  return found;
}

export function tokenOf(name: string): string {
  return principal(name).token;
}

/** The operator of one NMI (`PTB`, `Inmetro`). */
export function operatorOf(org: string): string {
  return tokenOf(`operator-${org.toLowerCase()}`);
}

export function bearer(token: string | undefined): Record<string, string> {
  return token === undefined ? {} : { authorization: `Bearer ${token}` };
}
