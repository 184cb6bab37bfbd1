import path from 'node:path';
import {
  CHAINCODE_BUNDLE_DIR,
  type BundlePatch,
  type BundleVariant,
  type ExtraChaincode,
  deployExtraChaincode,
  statePaths,
  writeBundleVariant,
  writeEvilSpeedVariant,
} from '@metrochain/devnet';
import {
  GOVERNANCE_CONTRACT,
  MEASUREMENT_CONTRACT,
  REGISTRY_CONTRACT,
  chaincodeServerVersionSchema,
  type ChaincodeServerVersion,
} from '@metrochain/contracts';
import { GovernanceClient, MeasurementClient, RegistryClient } from '@metrochain/ledger';
import type { Session } from './network';

type Contract = ReturnType<Session['connection']['network']['getContract']>;

export { deployExtraChaincode, type ExtraChaincode };

/** A chaincode name no earlier run defined on the channel. */
export function uniqueChaincodeName(prefix: string): string {
  return `metrochain-${prefix}-${Date.now().toString(36)}`;
}

/** Where a test writes a bundle variant: under .devnet, so that it finds the repository's node_modules. */
export function variantDir(name: string): string {
  return path.join(statePaths().root, 'bundle-variants', name);
}

/** The network's bundle with `patches` applied, e.g. changed LR code; its fingerprint.json states its own. */
export function changedBundle(name: string, patches: readonly BundlePatch[]): BundleVariant {
  return writeBundleVariant(CHAINCODE_BUNDLE_DIR, variantDir(name), patches);
}

/** The network's bundle with every speed 1 % high, claiming the genuine fingerprint (see writeEvilSpeedVariant). */
export function evilSpeedBundle(name: string): BundleVariant {
  return writeEvilSpeedVariant(CHAINCODE_BUNDLE_DIR, variantDir(name));
}

/** The typed contract clients of another chaincode name on the channel, through a session's gateway. */
export function clientsOf(
  session: Session,
  chaincode: string,
): { governance: GovernanceClient; registry: RegistryClient; measurement: MeasurementClient } {
  const contract = (name: string): Contract => session.connection.network.getContract(chaincode, name);
  return {
    governance: new GovernanceClient(contract(GOVERNANCE_CONTRACT)),
    registry: new RegistryClient(contract(REGISTRY_CONTRACT)),
    measurement: new MeasurementClient(contract(MEASUREMENT_CONTRACT)),
  };
}

/** GET /version of a chaincode server, validated by the contract library's schema. */
export async function serverVersion(httpUrl: string): Promise<ChaincodeServerVersion> {
  const response = await fetch(`${httpUrl}/version`, { signal: AbortSignal.timeout(5000) });
  return chaincodeServerVersionSchema.parse(await response.json());
}
