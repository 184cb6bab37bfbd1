import { type ProvisionedPrincipal, provisionedPrincipalSchema } from '@metrochain/config';
import type { PrincipalRole } from '@metrochain/contracts';
import { z } from 'zod';
import { ToolErrorCode, toolError } from '../tool-error';
import type { NetworkFile } from './network-file';

const identitySchema = z.object({
  identity: z.object({ principals: z.array(provisionedPrincipalSchema) }).optional(),
});

/** The credentials the local network provisioned (network.json `identity.principals`); none without a network file. */
export function networkPrincipals(networkFile: NetworkFile | undefined): ProvisionedPrincipal[] {
  if (networkFile === undefined) {
    return [];
  }
  const parsed = identitySchema.safeParse(networkFile.profile);
  if (!parsed.success) {
    throw toolError(ToolErrorCode.NETWORK_FILE_INVALID, `${networkFile.file}: malformed identity section`);
  }
  return parsed.data.identity?.principals ?? [];
}

export type WantedPrincipal = Readonly<{ name?: string; role?: PrincipalRole; nmi?: string }>;

/** A provisioned principal by name, or the first of a role (for an operator, of one NMI's MSP). */
export function findPrincipal(
  networkFile: NetworkFile | undefined,
  wanted: WantedPrincipal,
): ProvisionedPrincipal | undefined {
  return networkPrincipals(networkFile).find(
    (candidate) =>
      (wanted.name === undefined || candidate.name === wanted.name) &&
      (wanted.role === undefined || candidate.role === wanted.role) &&
      (wanted.nmi === undefined || candidate.nmi === wanted.nmi),
  );
}

/** The bearer token of findPrincipal's principal; PRINCIPAL_UNKNOWN when the network file has none such. */
export function principalToken(networkFile: NetworkFile | undefined, wanted: WantedPrincipal): string {
  const principal = findPrincipal(networkFile, wanted);
  if (principal === undefined) {
    throw toolError(
      ToolErrorCode.PRINCIPAL_UNKNOWN,
      `no credential for ${JSON.stringify(wanted)} in the network file: pass --token, or start the local network`,
    );
  }
  return principal.token;
}
