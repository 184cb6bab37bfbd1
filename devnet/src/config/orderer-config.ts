import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { CryptoMaterial } from '../crypto/crypto-material';
import { cachePaths } from '../paths';
import type { OrdererSpec } from '../topology';
import { writeOverriddenYaml } from './yaml-template';

export interface OrdererConfigInput {
  orderer: OrdererSpec;
  material: CryptoMaterial;
  configDir: string;
  dataDir: string;
}

/** Writes orderer.yaml: no system channel, channel participation API on a mutual-TLS admin endpoint. */
export function writeOrdererConfig({ orderer, material, configDir, dataDir }: OrdererConfigInput): void {
  mkdirSync(configDir, { recursive: true });
  const tls = path.join(material.ordererDir(orderer), 'tls');
  const cert = path.join(tls, 'server.crt');
  const key = path.join(tls, 'server.key');
  const ca = path.join(tls, 'ca.crt');
  writeOverriddenYaml(
    path.join(cachePaths.fabricConfig, 'orderer.yaml'),
    path.join(configDir, 'orderer.yaml'),
    {
      'General.ListenAddress': orderer.host,
      'General.ListenPort': orderer.port,
      'General.TLS.Enabled': true,
      'General.TLS.PrivateKey': key,
      'General.TLS.Certificate': cert,
      'General.TLS.RootCAs': [ca],
      'General.TLS.ClientAuthRequired': false,
      'General.Cluster.ClientCertificate': cert,
      'General.Cluster.ClientPrivateKey': key,
      'General.Cluster.RootCAs': [ca],
      'General.BootstrapMethod': 'none',
      'General.LocalMSPDir': path.join(material.ordererDir(orderer), 'msp'),
      'General.LocalMSPID': 'OrdererMSP',
      'FileLedger.Location': path.join(dataDir, 'ledger'),
      'Consensus.WALDir': path.join(dataDir, 'etcdraft', 'wal'),
      'Consensus.SnapDir': path.join(dataDir, 'etcdraft', 'snapshot'),
      'Operations.ListenAddress': `${orderer.host}:${String(orderer.operationsPort)}`,
      'Metrics.Provider': 'prometheus',
      'Admin.ListenAddress': `${orderer.host}:${String(orderer.adminPort)}`,
      'Admin.TLS.Enabled': true,
      'Admin.TLS.Certificate': cert,
      'Admin.TLS.PrivateKey': key,
      'Admin.TLS.ClientAuthRequired': true,
      'Admin.TLS.ClientRootCAs': [material.ordererTlsCa()],
      'ChannelParticipation.Enabled': true,
    },
  );
}
