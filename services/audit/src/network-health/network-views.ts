import type { NetworkComparison, NetworkPeers, NetworkRaft, RaftOrdererView } from '@metrochain/contracts';
import { conditionKey, maxHeight } from './health-rules';
import type { NetworkSnapshot } from './network-monitor';
import type { MonitoredOrderer, MonitoredPeer } from './network-observer';

// The API's views of the last poll (schemas in libs/contracts audit-network-api.ts); before the first poll every
// node is listed as not yet seen.

export function peersView(
  channel: string,
  peers: readonly MonitoredPeer[],
  snapshot: NetworkSnapshot | undefined,
): NetworkPeers {
  if (snapshot === undefined) {
    return {
      channel,
      checkedAt: null,
      comparedBlock: null,
      peers: peers.map(({ org, mspId, name }) => ({
        org,
        mspId,
        name,
        reachable: false,
        height: null,
        behindBy: null,
        lastSeen: null,
        headerHash: null,
        behind: false,
      })),
    };
  }
  const max = maxHeight(snapshot.peers);
  return {
    channel,
    checkedAt: snapshot.checkedAt.toISOString(),
    comparedBlock: snapshot.comparedBlock ?? null,
    peers: snapshot.peers.map((peer) => ({
      org: peer.org,
      mspId: peer.mspId,
      name: peer.name,
      reachable: peer.reachable,
      height: peer.height ?? null,
      behindBy: max === undefined || peer.height === undefined ? null : max - peer.height,
      lastSeen: snapshot.lastSeen.get(peer.name)?.toISOString() ?? null,
      headerHash: snapshot.headers.find((reading) => reading.peer === peer.name)?.headerHash ?? null,
      behind: snapshot.open.has(conditionKey({ category: 'peer-behind', subject: `peer:${peer.name}` })),
    })),
  };
}

export function comparisonView(channel: string, snapshot: NetworkSnapshot | undefined): NetworkComparison {
  if (snapshot === undefined) {
    return { channel, checkedAt: null, comparedBlock: null, agree: true, hashes: [], orgViews: [] };
  }
  const divergence = snapshot.conditions.find((condition) => condition.category === 'ledger-divergence');
  return {
    channel,
    checkedAt: snapshot.checkedAt.toISOString(),
    comparedBlock: snapshot.comparedBlock ?? null,
    agree: divergence?.failing !== true,
    hashes: snapshot.headers.map((reading) => ({
      org: reading.org,
      peer: reading.peer,
      headerHash: reading.headerHash ?? null,
      dataHashValid: reading.dataHashValid ?? null,
      ...(reading.error === undefined ? {} : { error: reading.error }),
    })),
    orgViews: snapshot.orgViews,
  };
}

export function raftView(
  channel: string,
  orderers: readonly MonitoredOrderer[],
  snapshot: NetworkSnapshot | undefined,
): NetworkRaft {
  const observed = snapshot?.orderers ?? [];
  const leaders = observed.filter((orderer) => orderer.reachable && orderer.isLeader === true);
  const problems = (snapshot?.conditions ?? [])
    .filter((condition) => condition.category === 'raft-health' && condition.failing === true)
    .map((condition) => condition.summary);
  return {
    channel,
    checkedAt: snapshot?.checkedAt.toISOString() ?? null,
    orderers: orderers.map(({ name }) =>
      ordererView(
        name,
        observed.find((orderer) => orderer.name === name),
        snapshot?.lastSeen.get(name),
      ),
    ),
    summary: {
      leaders: leaders.length,
      leader: leaders.length === 1 ? (leaders[0]?.name ?? null) : null,
      healthy: snapshot !== undefined && problems.length === 0,
      problems,
    },
  };
}

function ordererView(
  name: string,
  seen: NetworkSnapshot['orderers'][number] | undefined,
  lastSeen: Date | undefined,
): RaftOrdererView {
  const known = { name, lastSeen: lastSeen?.toISOString() ?? null };
  if (seen === undefined) {
    return {
      ...known,
      reachable: false,
      isLeader: null,
      activeNodes: null,
      clusterSize: null,
      leaderChanges: null,
      committedBlock: null,
    };
  }
  return {
    ...known,
    reachable: seen.reachable,
    isLeader: seen.isLeader ?? null,
    activeNodes: seen.activeNodes ?? null,
    clusterSize: seen.clusterSize ?? null,
    leaderChanges: seen.leaderChanges ?? null,
    committedBlock: seen.committedBlock ?? null,
  };
}
