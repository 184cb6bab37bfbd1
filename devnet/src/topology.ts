import { SERVICE_ROLES } from '@metrochain/contracts';
import { CHAINCODE, CHANNEL_NAME } from '@metrochain/deployment';

export interface OrgSpec {
  /** Short name used everywhere a human reads it: PTB, Inmetro, CMI. */
  name: string;
  mspId: string;
  domain: string;
  index: number;
  peers: PeerSpec[];
  /** `httpPort`: the chaincode server's plain-HTTP /version, /healthz and /metrics (METROCHAIN_CHAINCODE_HTTP_PORT). */
  chaincodeServer: { name: string; port: number; httpPort: number };
}

export interface PeerSpec {
  name: string;
  host: string;
  port: number;
  chaincodePort: number;
  operationsPort: number;
}

export interface OrdererSpec {
  name: string;
  host: string;
  port: number;
  adminPort: number;
  operationsPort: number;
}

export interface KafkaBrokerSpec {
  nodeId: number;
  port: number;
  controllerPort: number;
}

export interface Topology {
  channel: string;
  chaincode: { name: string; version: string; label: string };
  ordererDomain: string;
  orgs: OrgSpec[];
  orderers: OrdererSpec[];
  kafka: KafkaBrokerSpec[];
  redis: { port: number };
  services: Record<string, string>;
}

export interface TopologyOptions {
  /** Add a third NMI (CMI). */
  thirdOrg: boolean;
  orderers: 3 | 5;
  kafkaBrokers: 1 | 3;
}

const NMIS = [
  { name: 'PTB', domain: 'ptb.metrochain.local' },
  { name: 'Inmetro', domain: 'inmetro.metrochain.local' },
  { name: 'CMI', domain: 'cmi.metrochain.local' },
] as const;

const PEERS_PER_ORG = 2;
export const HOST = '127.0.0.1';

function org(index: number): OrgSpec {
  const nmi = NMIS[index];
  if (nmi === undefined) {
    throw new Error(`no NMI number ${String(index)}`);
  }
  const peers = Array.from({ length: PEERS_PER_ORG }, (_, p) => {
    const port = 18000 + 100 * index + 10 * p;
    return {
      name: `peer${String(p)}.${nmi.domain}`,
      host: HOST,
      port,
      chaincodePort: port + 1,
      operationsPort: port + 2,
    };
  });
  return {
    name: nmi.name,
    mspId: `${nmi.name}MSP`,
    domain: nmi.domain,
    index,
    peers,
    chaincodeServer: { name: `ccserver.${nmi.domain}`, port: 19000 + index, httpPort: 19050 + index },
  };
}

/** Names and ports of every process; the same options always give the same topology (see docs/foundation.md). */
export function buildTopology(options: TopologyOptions): Topology {
  const orgCount = options.thirdOrg ? 3 : 2;
  return {
    channel: CHANNEL_NAME,
    chaincode: { ...CHAINCODE },
    ordererDomain: 'metrochain.local',
    orgs: Array.from({ length: orgCount }, (_, i) => org(i)),
    orderers: Array.from({ length: options.orderers }, (_, i) => ({
      name: `orderer${String(i + 1)}.metrochain.local`,
      host: HOST,
      port: 17051 + i,
      adminPort: 17151 + i,
      operationsPort: 17251 + i,
    })),
    kafka: Array.from({ length: options.kafkaBrokers }, (_, i) => ({
      nodeId: i + 1,
      port: 19092 + 10 * i,
      controllerPort: 19093 + 10 * i,
    })),
    redis: { port: 16379 },
    services: { ...SERVICE_ROLES },
  };
}
