import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  PEER_SETTINGS,
  type PeerNodeKey,
  type SettingValue,
  externalBuilders,
  writeOverriddenYaml,
} from '@metrochain/deployment';
import type { CryptoMaterial } from '../crypto/crypto-material';
import { cachePaths, DEVNET_ROOT } from '../paths';
import type { OrgSpec, PeerSpec } from '../topology';

export { CCAAS_ENV } from '@metrochain/deployment';
export const CCAAS_BUILDER_DIR = path.join(DEVNET_ROOT, 'assets', 'ccaas-builder');

export interface PeerConfigInput {
  org: OrgSpec;
  peer: PeerSpec;
  material: CryptoMaterial;
  configDir: string;
  dataDir: string;
}

/** Writes the peer's core.yaml into its own config folder (its FABRIC_CFG_PATH): the shared settings plus addresses and paths. */
export function writePeerConfig({ org, peer, material, configDir, dataDir }: PeerConfigInput): void {
  mkdirSync(configDir, { recursive: true });
  const tls = path.join(material.peerDir(org, peer), 'tls');
  const address = `${peer.host}:${String(peer.port)}`;
  const bootstrap = org.peers.filter((p) => p.name !== peer.name).map((p) => `${p.host}:${String(p.port)}`);
  // Typed by PEER_NODE_KEYS: a key the charts do not set per pod (or one they set that is missing here) fails to compile.
  const node: Record<PeerNodeKey, SettingValue> = {
    'peer.id': peer.name,
    'peer.listenAddress': address,
    'peer.address': address,
    'peer.chaincodeListenAddress': `${peer.host}:${String(peer.chaincodePort)}`,
    'peer.chaincodeAddress': `${peer.host}:${String(peer.chaincodePort)}`,
    'peer.gossip.bootstrap': bootstrap.join(' '),
    'peer.gossip.endpoint': address,
    'peer.gossip.externalEndpoint': address,
    'peer.tls.cert.file': path.join(tls, 'server.crt'),
    'peer.tls.key.file': path.join(tls, 'server.key'),
    'peer.tls.rootcert.file': path.join(tls, 'ca.crt'),
    'peer.mspConfigPath': path.join(material.peerDir(org, peer), 'msp'),
    'peer.localMspId': org.mspId,
    'peer.fileSystemPath': dataDir,
    'ledger.snapshots.rootDir': path.join(dataDir, 'snapshots'),
    'operations.listenAddress': `${peer.host}:${String(peer.operationsPort)}`,
  };
  writeOverriddenYaml(path.join(cachePaths.fabricConfig, 'core.yaml'), path.join(configDir, 'core.yaml'), {
    ...PEER_SETTINGS,
    'chaincode.externalBuilders': externalBuilders(CCAAS_BUILDER_DIR),
    ...node,
  });
}
