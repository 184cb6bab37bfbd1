import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  ORDERER_SETTINGS,
  PEER_SETTINGS,
  externalBuilders,
  overrideFabricYaml,
} from '@metrochain/deployment';
import { ImageErrorCode, imageError } from '../../image-error';
import { fabricCache } from '../../paths';
import type { LayerTree } from '../layer-tree';

export type FabricRole = 'peer' | 'orderer';

const SAMPLE_FILE: Readonly<Record<FabricRole, string>> = { peer: 'core.yaml', orderer: 'orderer.yaml' };

/**
 * The keys the image bakes into the sample config: the settings every node of the network shares (the local
 * network applies the same ones) and, for peers, the external builder at its place in the image. Addresses,
 * identities and paths of one node stay out: the chart sets them per pod through the environment.
 */
export function fabricOverrides(role: FabricRole, ccaasBuilder?: string): Record<string, unknown> {
  if (role === 'orderer') {
    return { ...ORDERER_SETTINGS };
  }
  if (ccaasBuilder === undefined) {
    throw imageError(
      ImageErrorCode.RECIPE_INVALID,
      'a peer config needs ccaasBuilder: where the builder lives in the image',
    );
  }
  return { ...PEER_SETTINGS, 'chaincode.externalBuilders': externalBuilders(ccaasBuilder) };
}

/** Fabric's sample config of the pinned release with the overrides applied, as the image ships it. */
export function bakedFabricConfig(role: FabricRole, ccaasBuilder?: string): string {
  const sample = path.join(fabricCache.config, SAMPLE_FILE[role]);
  if (!existsSync(sample)) {
    throw imageError(
      ImageErrorCode.INPUT_MISSING,
      `${sample} is missing: run node devnet/dist/cli.js install`,
    );
  }
  return overrideFabricYaml(readFileSync(sample, 'utf8'), fabricOverrides(role, ccaasBuilder));
}

export function writeFabricConfig(
  tree: LayerTree,
  role: FabricRole,
  to: string,
  ccaasBuilder?: string,
): void {
  tree.file(to, bakedFabricConfig(role, ccaasBuilder));
}
