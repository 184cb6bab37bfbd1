import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { CryptoMaterial } from '../crypto/crypto-material';
import { cachePaths, DEVNET_ROOT } from '../paths';
import type { OrgSpec, PeerSpec } from '../topology';
import { writeOverriddenYaml } from './yaml-template';

export const CCAAS_BUILDER_DIR = path.join(DEVNET_ROOT, 'assets', 'ccaas-builder');
/** Variables the peer hands to the chaincode builder: which chaincode server of its own org to dial. */
export const CCAAS_ENV = {
  address: 'METROCHAIN_CCAAS_ADDRESS',
  rootCert: 'METROCHAIN_CCAAS_ROOT_CERT_FILE',
} as const;

export interface PeerConfigInput {
  org: OrgSpec;
  peer: PeerSpec;
  material: CryptoMaterial;
  configDir: string;
  dataDir: string;
}

/** Writes the peer's core.yaml into its own config folder (its FABRIC_CFG_PATH). */
export function writePeerConfig({ org, peer, material, configDir, dataDir }: PeerConfigInput): void {
  mkdirSync(configDir, { recursive: true });
  const tls = path.join(material.peerDir(org, peer), 'tls');
  const address = `${peer.host}:${String(peer.port)}`;
  const bootstrap = org.peers.filter((p) => p.name !== peer.name).map((p) => `${p.host}:${String(p.port)}`);
  writeOverriddenYaml(path.join(cachePaths.fabricConfig, 'core.yaml'), path.join(configDir, 'core.yaml'), {
    'peer.id': peer.name,
    'peer.networkId': 'metrochain',
    'peer.listenAddress': address,
    'peer.address': address,
    'peer.chaincodeListenAddress': `${peer.host}:${String(peer.chaincodePort)}`,
    'peer.chaincodeAddress': `${peer.host}:${String(peer.chaincodePort)}`,
    'peer.gossip.bootstrap': bootstrap.join(' '),
    'peer.gossip.endpoint': address,
    'peer.gossip.externalEndpoint': address,
    // Fabric 3 no longer gossips blocks inside an org by default: every peer pulls its blocks from the orderers.
    'peer.gossip.useLeaderElection': false,
    'peer.gossip.orgLeader': true,
    'peer.tls.enabled': true,
    'peer.tls.cert.file': path.join(tls, 'server.crt'),
    'peer.tls.key.file': path.join(tls, 'server.key'),
    'peer.tls.rootcert.file': path.join(tls, 'ca.crt'),
    'peer.mspConfigPath': path.join(material.peerDir(org, peer), 'msp'),
    'peer.localMspId': org.mspId,
    'peer.fileSystemPath': dataDir,
    'peer.gateway.enabled': true,
    'peer.profile.enabled': false,
    'vm.endpoint': '',
    'chaincode.externalBuilders': [
      {
        name: 'metrochain-ccaas',
        path: CCAAS_BUILDER_DIR,
        propagateEnvironment: [CCAAS_ENV.address, CCAAS_ENV.rootCert],
      },
    ],
    'ledger.state.stateDatabase': 'goleveldb',
    // The history index (one entry per key written, for GetHistoryForKey) is never read: no contract asks for a key's
    // history (a meter keeps its own attestation and key history; a measurement is written once). Off, it saves
    // every peer an index write per key of every block, ~1,000 per batch of 500 readings.
    'ledger.history.enableHistoryDatabase': false,
    'ledger.snapshots.rootDir': path.join(dataDir, 'snapshots'),
    'operations.listenAddress': `${peer.host}:${String(peer.operationsPort)}`,
    'metrics.provider': 'prometheus',
  });
}
