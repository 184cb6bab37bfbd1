import type { OrgChainView } from '@metrochain/contracts';
import type { ChainReader } from '@metrochain/ledger';
import type { HeaderReading, OrdererObservation, PeerObservation } from './health-rules';
import type { ScrapeMetrics } from './operations-scrape';
import { sampleValue } from './prometheus-text';

/** A peer the audit service watches: its operations endpoint and a ledger connection to it alone. */
export interface MonitoredPeer {
  org: string;
  mspId: string;
  name: string;
  metricsUrl: string | undefined;
  reader: ChainReader;
}

export interface MonitoredOrderer {
  name: string;
  metricsUrl: string | undefined;
}

export interface ObserveOptions {
  channel: string;
  scrape: ScrapeMetrics;
  timeoutMs: number;
}

/** The peer's own height (`ledger_blockchain_height`): exact per process, unlike qscc through a gateway. */
export async function observePeer(peer: MonitoredPeer, options: ObserveOptions): Promise<PeerObservation> {
  const base = { org: peer.org, mspId: peer.mspId, name: peer.name };
  if (peer.metricsUrl === undefined) {
    return { ...base, reachable: false, height: undefined };
  }
  try {
    const samples = await options.scrape(peer.metricsUrl, options.timeoutMs);
    const height = sampleValue(samples, 'ledger_blockchain_height', { channel: options.channel });
    return { ...base, reachable: true, height };
  } catch {
    return { ...base, reachable: false, height: undefined };
  }
}

export async function observeOrderer(
  orderer: MonitoredOrderer,
  options: ObserveOptions,
): Promise<OrdererObservation & { committedBlock: number | undefined }> {
  const unreachable = {
    name: orderer.name,
    reachable: false,
    isLeader: undefined,
    activeNodes: undefined,
    clusterSize: undefined,
    leaderChanges: undefined,
    committedBlock: undefined,
  };
  if (orderer.metricsUrl === undefined) {
    return unreachable;
  }
  try {
    const samples = await options.scrape(orderer.metricsUrl, options.timeoutMs);
    const value = (name: string): number | undefined =>
      sampleValue(samples, `consensus_etcdraft_${name}`, { channel: options.channel });
    const isLeader = value('is_leader');
    return {
      name: orderer.name,
      reachable: true,
      isLeader: isLeader === undefined ? undefined : isLeader === 1,
      activeNodes: value('active_nodes'),
      clusterSize: value('cluster_size'),
      leaderChanges: value('leader_changes'),
      committedBlock: value('committed_block_number'),
    };
  } catch {
    return unreachable;
  }
}

/** Block `block`'s header as each reachable peer that has it delivers it from its own ledger. */
export async function readHeaders(
  peers: readonly MonitoredPeer[],
  observations: readonly PeerObservation[],
  block: number | undefined,
): Promise<HeaderReading[]> {
  return Promise.all(
    peers.map(async (peer, index): Promise<HeaderReading> => {
      const base = { org: peer.org, peer: peer.name };
      const observation = observations[index];
      if (block === undefined || observation?.reachable !== true) {
        return { ...base, headerHash: undefined, dataHashValid: undefined, error: 'unreachable' };
      }
      try {
        const header = await peer.reader.blockHeader(block);
        return { ...base, headerHash: header.headerHash, dataHashValid: header.dataHashValid };
      } catch (error) {
        return { ...base, headerHash: undefined, dataHashValid: undefined, error: messageOf(error) };
      }
    }),
  );
}

/**
 * Each organisation's own answer to qscc GetChainInfo, through the first of its peers whose gateway answers. The
 * gateway evaluates on its organisation's highest peer, so this is the organisation's view, not one peer's.
 */
export async function readOrgViews(peers: readonly MonitoredPeer[]): Promise<OrgChainView[]> {
  const orgs = [...new Set(peers.map((peer) => peer.org))];
  return Promise.all(orgs.map((org) => readOrgView(peers.filter((peer) => peer.org === org))));
}

async function readOrgView(orgPeers: readonly MonitoredPeer[]): Promise<OrgChainView> {
  let lastError = 'no peer';
  for (const peer of orgPeers) {
    try {
      const info = await peer.reader.chainInfo();
      return {
        org: peer.org,
        mspId: peer.mspId,
        via: peer.name,
        height: info.height,
        currentBlockHash: info.currentBlockHash,
      };
    } catch (error) {
      lastError = messageOf(error);
    }
  }
  const [first] = orgPeers;
  return {
    org: first?.org ?? 'unknown',
    mspId: first?.mspId ?? 'unknown',
    via: first?.name ?? 'none',
    height: null,
    currentBlockHash: null,
    error: lastError,
  };
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
