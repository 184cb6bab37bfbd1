import { CHANNEL_NAME } from '@metrochain/deployment';
import type { ServiceName } from '@metrochain/contracts';

/**
 * The Secret and ConfigMap names the charts expect with their default values (README of each chart, "Identities and
 * Secrets" in charts/README.md). `chart-secrets.spec.ts` renders the charts and checks every name and key here
 * against what their pods mount, so a chart that renames one fails there.
 */

/** Keys of every Fabric node's identity Secret: an NMI's peer ordinal or an orderer ordinal. */
export const NODE_IDENTITY_KEYS = [
  'signcert.pem',
  'key.pem',
  'cacert.pem',
  'tlscacert.pem',
  'tls.crt',
  'tls.key',
  'ca.crt',
] as const;
export type NodeIdentityKey = (typeof NODE_IDENTITY_KEYS)[number];

/** The MSP half of a node's keys, which the NMI admin's Secret for the channel-join Job has too. */
export const MSP_KEYS = ['signcert.pem', 'key.pem', 'cacert.pem', 'tlscacert.pem'] as const;

/** The channel block's key: its file name as configtxgen and the local network write it. */
export const CHANNEL_BLOCK_KEY = `${CHANNEL_NAME}.block`;

/** charts/metrochain-nmi, release per NMI in the NMI's namespace; `prefix` is nmi.secretPrefix (= lower(nmi.name)). */
export const nmiSecretNames = {
  peer: (prefix: string, ordinal: number): string => `${prefix}-peer-${String(ordinal)}`,
  admin: (prefix: string): string => `${prefix}-admin`,
  ccserverTls: (prefix: string): string => `${prefix}-ccserver-tls`,
  channelBlock: (prefix: string): string => `${prefix}-channel-block`,
  ordererTlsCa: (prefix: string): string => `${prefix}-orderer-tls-ca`,
  /** registration (metrochain-nmi) and the four of metrochain-services, in the same namespace. */
  serviceIdentity: (prefix: string, service: ServiceName): string => `${prefix}-${service}-identity`,
} as const;

/** charts/metrochain-orderers, release `orderers` in its own namespace. */
export const ORDERERS_NAMESPACE = 'metrochain-orderers';
/** orderer.identity.secretPrefix. */
const ORDERER_SECRET_PREFIX = 'metrochain';
export const ordererSecretNames = {
  /** Ordinal n runs as orderer<n+1>. */
  orderer: (ordinal: number): string => `${ORDERER_SECRET_PREFIX}-orderer-${String(ordinal)}`,
  adminTls: 'metrochain-orderer-admin-tls',
  channelBlock: 'metrochain-channel-block',
} as const;

/** charts/metrochain-services `network.tlsRoots.configMap`: `<Org>.pem` per NMI and `orderers.pem`. */
export const TLS_ROOTS_CONFIGMAP = 'metrochain-tls-roots';
export const ORDERERS_TLS_ROOT_KEY = 'orderers.pem';
export const tlsRootKey = (nmi: string): string => `${nmi}.pem`;
