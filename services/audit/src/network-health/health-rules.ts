import type { AuditFindingSeverity } from '@metrochain/contracts';
import type { NetworkHealthSettings } from '../config/network-health.config';

/** One peer as a poll saw it: its height from its own operations endpoint. */
export interface PeerObservation {
  org: string;
  mspId: string;
  name: string;
  reachable: boolean;
  height: number | undefined;
}

/** One orderer's Raft gauges for the channel as a poll saw them. */
export interface OrdererObservation {
  name: string;
  reachable: boolean;
  isLeader: boolean | undefined;
  activeNodes: number | undefined;
  clusterSize: number | undefined;
  leaderChanges: number | undefined;
}

/**
 * A check's verdict on one subject in one poll: `failing` true (a problem now), false (healthy, so any open finding
 * is resolved) or undefined (cannot tell, nothing changes). `graceMs`: how long it must hold before it is reported.
 */
export interface Condition {
  category: 'peer-behind' | 'raft-health' | 'ledger-divergence';
  subject: string;
  dedupeKey?: string;
  severity: AuditFindingSeverity;
  failing: boolean | undefined;
  graceMs: number;
  summary: string;
  evidence: Record<string, unknown>;
}

export function conditionKey(condition: Pick<Condition, 'category' | 'subject' | 'dedupeKey'>): string {
  return `${condition.category}|${condition.subject}|${condition.dedupeKey ?? ''}`;
}

/** The highest height among reachable peers; undefined when none answered. */
export function maxHeight(peers: readonly PeerObservation[]): number | undefined {
  const heights = peers.flatMap((peer) => (peer.reachable && peer.height !== undefined ? [peer.height] : []));
  return heights.length === 0 ? undefined : Math.max(...heights);
}

/** peer-behind: unreachable, or more than N blocks under the highest peer; reported after T seconds of it. */
export function peerConditions(
  peers: readonly PeerObservation[],
  settings: Pick<NetworkHealthSettings, 'peerBehindBlocks' | 'peerBehindSeconds'>,
): Condition[] {
  const max = maxHeight(peers);
  return peers.map((peer) => {
    const behindBy = max === undefined || peer.height === undefined ? undefined : max - peer.height;
    const behind = behindBy !== undefined && behindBy > settings.peerBehindBlocks;
    const failing = max === undefined ? undefined : !peer.reachable || behind;
    return {
      category: 'peer-behind',
      subject: `peer:${peer.name}`,
      severity: 'warning',
      failing,
      graceMs: settings.peerBehindSeconds * 1000,
      summary: peer.reachable
        ? `${peer.name} (${peer.org}) is ${String(behindBy)} blocks behind the highest peer`
        : `${peer.name} (${peer.org}) does not answer on its operations endpoint`,
      evidence: {
        org: peer.org,
        mspId: peer.mspId,
        peer: peer.name,
        reachable: peer.reachable,
        height: peer.height ?? null,
        maxHeight: max ?? null,
        behindBy: behindBy ?? null,
        thresholdBlocks: settings.peerBehindBlocks,
        thresholdSeconds: settings.peerBehindSeconds,
      },
    };
  });
}

/**
 * raft-health per channel and per orderer: exactly one leader among reachable orderers; every reachable orderer sees
 * the whole cluster active; every orderer answers; no burst of leader changes within the window.
 */
export function raftConditions(
  channel: string,
  orderers: readonly OrdererObservation[],
  leaderChangesInWindow: ReadonlyMap<string, number>,
  settings: Pick<
    NetworkHealthSettings,
    'raftGraceSeconds' | 'leaderChangesBurst' | 'leaderChangesWindowSeconds'
  >,
): Condition[] {
  const graceMs = settings.raftGraceSeconds * 1000;
  const reachable = orderers.filter((orderer) => orderer.reachable);
  const leaders = reachable.filter((orderer) => orderer.isLeader === true).map((orderer) => orderer.name);
  const raft = (
    subject: string,
    dedupeKey: string,
    failing: boolean | undefined,
    summary: string,
    evidence: Record<string, unknown>,
    severity: AuditFindingSeverity = 'warning',
  ): Condition => ({
    category: 'raft-health',
    subject,
    dedupeKey,
    severity,
    failing,
    graceMs,
    summary,
    evidence,
  });
  // Every orderer counts each election it sees, so one election shows on each of them: the most any counted.
  const changes = Math.max(0, ...leaderChangesInWindow.values());
  return [
    raft(
      `channel:${channel}`,
      'leaders',
      reachable.length === 0 ? undefined : leaders.length !== 1,
      `${String(leaders.length)} Raft leaders among ${String(reachable.length)} reachable orderers (expected 1)`,
      { channel, leaders, reachable: reachable.map((orderer) => orderer.name) },
      'critical',
    ),
    raft(
      `channel:${channel}`,
      'leader-changes',
      changes > settings.leaderChangesBurst,
      `${String(changes)} Raft leader changes in ${String(settings.leaderChangesWindowSeconds)} s`,
      {
        channel,
        changes,
        perOrderer: Object.fromEntries(leaderChangesInWindow),
        thresholdChanges: settings.leaderChangesBurst,
        windowSeconds: settings.leaderChangesWindowSeconds,
      },
    ),
    ...orderers.flatMap((orderer) => [
      raft(
        `orderer:${orderer.name}`,
        'unreachable',
        !orderer.reachable,
        `${orderer.name} does not answer on its operations endpoint`,
        { channel, orderer: orderer.name },
      ),
      raft(
        `orderer:${orderer.name}`,
        'active-nodes',
        activeNodesShort(orderer),
        `${orderer.name} sees ${String(orderer.activeNodes)} of ${String(orderer.clusterSize)} Raft nodes active`,
        {
          channel,
          orderer: orderer.name,
          activeNodes: orderer.activeNodes,
          clusterSize: orderer.clusterSize,
        },
      ),
    ]),
  ];
}

function activeNodesShort(orderer: OrdererObservation): boolean | undefined {
  if (!orderer.reachable || orderer.activeNodes === undefined || orderer.clusterSize === undefined) {
    return undefined;
  }
  return orderer.activeNodes < orderer.clusterSize;
}

/** One peer's header hash at the compared block, or why it could not be read. */
export interface HeaderReading {
  org: string;
  peer: string;
  headerHash: string | undefined;
  dataHashValid: boolean | undefined;
  error?: string;
}

/** ledger-divergence: peers that delivered the compared block disagree on its header hash, or its data hash fails. */
export function divergenceCondition(
  channel: string,
  block: number | undefined,
  readings: readonly HeaderReading[],
): Condition {
  const read = readings.filter((reading) => reading.headerHash !== undefined);
  const distinct = new Set(read.map((reading) => reading.headerHash));
  const badData = read.filter((reading) => reading.dataHashValid === false).map((reading) => reading.peer);
  const failing =
    block === undefined || read.length < 2 ? undefined : distinct.size > 1 || badData.length > 0;
  return {
    category: 'ledger-divergence',
    subject: `channel:${channel}`,
    severity: 'critical',
    failing,
    graceMs: 0,
    summary:
      distinct.size > 1
        ? `peers hold different blocks at number ${String(block)}: ${String(distinct.size)} header hashes`
        : `block ${String(block)} fails its data hash on ${badData.join(', ')}`,
    evidence: {
      channel,
      blockNumber: block ?? null,
      hashes: Object.fromEntries(read.map((reading) => [reading.peer, reading.headerHash])),
      dataHashInvalidOn: badData,
    },
  };
}
