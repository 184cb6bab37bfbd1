import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  ORDERER_SETTINGS,
  type OrdererNodeKey,
  type SettingValue,
  writeOverriddenYaml,
} from '@metrochain/deployment';
import type { CryptoMaterial } from '../crypto/crypto-material';
import { cachePaths } from '../paths';
import type { OrdererSpec } from '../topology';

export interface OrdererConfigInput {
  orderer: OrdererSpec;
  material: CryptoMaterial;
  configDir: string;
  dataDir: string;
}

/** Writes orderer.yaml: the shared settings (no system channel, mutual-TLS admin endpoint) plus addresses and paths. */
export function writeOrdererConfig({ orderer, material, configDir, dataDir }: OrdererConfigInput): void {
  mkdirSync(configDir, { recursive: true });
  const tls = path.join(material.ordererDir(orderer), 'tls');
  const cert = path.join(tls, 'server.crt');
  const key = path.join(tls, 'server.key');
  const ca = path.join(tls, 'ca.crt');
  // Typed by ORDERER_NODE_KEYS, which the orderers chart sets per pod: the two cannot drift apart.
  const node: Record<OrdererNodeKey, SettingValue> = {
    'General.ListenAddress': orderer.host,
    'General.ListenPort': orderer.port,
    'General.TLS.PrivateKey': key,
    'General.TLS.Certificate': cert,
    'General.TLS.RootCAs': [ca],
    'General.Cluster.ClientCertificate': cert,
    'General.Cluster.ClientPrivateKey': key,
    'General.Cluster.RootCAs': [ca],
    'General.LocalMSPDir': path.join(material.ordererDir(orderer), 'msp'),
    'FileLedger.Location': path.join(dataDir, 'ledger'),
    'Consensus.WALDir': path.join(dataDir, 'etcdraft', 'wal'),
    'Consensus.SnapDir': path.join(dataDir, 'etcdraft', 'snapshot'),
    'Operations.ListenAddress': `${orderer.host}:${String(orderer.operationsPort)}`,
    'Admin.ListenAddress': `${orderer.host}:${String(orderer.adminPort)}`,
    'Admin.TLS.Certificate': cert,
    'Admin.TLS.PrivateKey': key,
    'Admin.TLS.ClientRootCAs': [material.ordererTlsCa()],
  };
  writeOverriddenYaml(
    path.join(cachePaths.fabricConfig, 'orderer.yaml'),
    path.join(configDir, 'orderer.yaml'),
    { ...ORDERER_SETTINGS, ...node },
  );
}
