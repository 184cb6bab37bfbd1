import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AuditNetworkPaths, type FindingView, type NetworkPeers } from '@metrochain/contracts';
import { isAlive, probe, statePaths, Supervisor } from '@metrochain/devnet';
import { AuditorReads, auditGet } from './support/audit-network';
import { eventually } from './support/eventually';
import { fingerprintOf, networkProfile, openSession, uniqueVersion, type Session } from './support/network';
import { findLeader, orderers, type OrdererProbe } from './support/raft';

// The devnet runs the audit service with a 3 s poll, peer-behind after 10 s and Raft problems after 5 s
// (devnet/src/network/services.ts). Divergence cannot be produced on a real network: see network-monitor.spec.ts.
const STOPPED_PEER = 'peer1.inmetro';
const STOPPED_PEER_NAME = 'peer1.inmetro.metrochain.local';

/** The finding of `category` (on `subject`) raised since `since` that `matches`: open, or resolved by a later one. */
async function raisedSince(
  reads: AuditorReads,
  category: string,
  subject: string | undefined,
  since: number,
  resolved: boolean,
  matches: (finding: FindingView) => boolean = () => true,
): Promise<FindingView | undefined> {
  const findings = await reads.findings(category, subject);
  return findings.find(
    (finding) =>
      Date.parse(finding.detectedAt) >= since &&
      finding.resolves === undefined &&
      (finding.resolvedBy !== undefined) === resolved &&
      matches(finding),
  );
}

function peerNamed(view: NetworkPeers, name: string): NetworkPeers['peers'][number] | undefined {
  return view.peers.find((peer) => peer.name === name);
}

describe('audit network health on the running network', () => {
  const supervisor = new Supervisor(statePaths());
  const reads = new AuditorReads();
  const stopped: string[] = [];
  let session: Session;

  before(async () => {
    session = await openSession('PTB', 'audit');
    await eventually(
      'a poll that reached every peer',
      async () => {
        const view = await reads.peers();
        return view.checkedAt !== null && view.peers.every((peer) => peer.reachable) ? view : undefined;
      },
      60_000,
    );
  });

  after(async () => {
    session.close();
    for (const name of stopped) {
      const record = supervisor.record(name);
      if (record !== undefined && !isAlive(record.pid)) {
        supervisor.restart(name);
        await eventually('restart', async () => ((await probe(record.health)) ? true : undefined), 60_000);
      }
    }
  });

  it('answers auditors only', async () => {
    for (const path of Object.values(AuditNetworkPaths)) {
      assert.equal((await auditGet(path, undefined)).status, 401, path);
    }
  });

  it('on the clean network every peer of both NMIs holds the same header at the compared block', async () => {
    const comparison = await reads.comparison();
    const peerCount = Object.values(networkProfile().organizations).reduce(
      (n, org) => n + org.peers.length,
      0,
    );
    assert.equal(comparison.hashes.length, peerCount);
    assert.ok(comparison.comparedBlock !== null && comparison.comparedBlock > 0);
    assert.equal(comparison.agree, true);
    const hashes = new Set(comparison.hashes.map((reading) => reading.headerHash));
    assert.equal(hashes.size, 1);
    assert.ok(![...hashes].includes(null));
    assert.ok(comparison.hashes.every((reading) => reading.dataHashValid === true));
    assert.deepEqual(
      comparison.orgViews.map((view) => view.org).sort(),
      Object.keys(networkProfile().organizations).sort(),
    );
    assert.ok(
      comparison.orgViews.every((view) => view.height !== null && view.height > comparison.comparedBlock!),
    );

    const raft = await reads.raft();
    assert.equal(raft.summary.leaders, 1);
    assert.equal(raft.summary.healthy, true);
    assert.ok(
      raft.orderers.every((o) => o.reachable && o.activeNodes === o.clusterSize && o.clusterSize !== null),
    );
  });

  it('reports a stopped Inmetro peer as peer-behind and resolves it once the peer caught up', async () => {
    const record = supervisor.record(STOPPED_PEER);
    assert.ok(record && isAlive(record.pid), `${STOPPED_PEER} runs`);
    const since = Date.now();
    process.kill(record.pid, 'SIGKILL');
    stopped.push(STOPPED_PEER);
    // Blocks the stopped peer misses and must fetch after its restart.
    for (let i = 0; i < 3; i += 1) {
      const version = uniqueVersion('net-health');
      await session.governance.approveSoftwareVersion({
        version,
        fingerprint: fingerprintOf(version),
        notifiedBody: 'PTB notified body',
        meterKinds: ['energy'],
      });
    }
    const subject = `peer:${STOPPED_PEER_NAME}`;
    const open = await eventually(
      'a peer-behind finding',
      () => raisedSince(reads, 'peer-behind', subject, since, false),
      60_000,
      500,
    );
    const reportedAfterMs = Date.parse(open.detectedAt) - since;
    assert.equal(open.severity, 'warning');
    assert.equal(open.evidence['reachable'], false);
    const down = peerNamed(await reads.peers(), STOPPED_PEER_NAME);
    assert.equal(down?.reachable, false);
    assert.equal(down.behind, true);

    const restartedAt = Date.now();
    supervisor.restart(STOPPED_PEER);
    const view = await eventually(
      'the restarted peer level with the others',
      async () => {
        const peers = await reads.peers();
        const heights = new Set(peers.peers.map((peer) => peer.height));
        return peers.peers.every((peer) => peer.reachable) && heights.size === 1 ? peers : undefined;
      },
      90_000,
      500,
    );
    await eventually(
      'the peer-behind finding resolved',
      () => raisedSince(reads, 'peer-behind', subject, since, true),
      30_000,
      500,
    );
    const resolvedAfterMs = Date.now() - restartedAt;
    assert.equal(peerNamed(view, STOPPED_PEER_NAME)?.behind, false);
    const comparison = await eventually(
      'a comparison that includes the restarted peer',
      async () => {
        const c = await reads.comparison();
        return c.hashes.every((reading) => reading.headerHash !== null) ? c : undefined;
      },
      30_000,
      500,
    );
    assert.equal(comparison.agree, true);
    console.log(
      `peer-behind reported ${String(reportedAfterMs)} ms after the kill, resolved ${String(resolvedAfterMs)} ms after the restart`,
    );
  });

  it('reports raft-health when the Raft leader is stopped (active nodes < cluster size) and resolves after its restart', async () => {
    const all = orderers();
    const leader = await eventually('a Raft leader', () => findLeader(all), 30_000);
    const record = supervisor.record(leader.name);
    assert.ok(record && isAlive(record.pid));
    const since = Date.now();
    process.kill(record.pid, 'SIGKILL');
    stopped.push(leader.name);
    const ordererName = (probe: OrdererProbe): string =>
      networkProfile().orderers.find((o) => o.name.startsWith(`${probe.name}.`))?.name ?? probe.name;

    // Which survivors report the short cluster is up to Fabric (the new leader at least): any of them will do.
    const shortCluster = (finding: FindingView): boolean =>
      finding.subject !== `orderer:${ordererName(leader)}` &&
      Number(finding.evidence['activeNodes']) < Number(finding.evidence['clusterSize']);
    const short = await eventually(
      'a raft-health finding on active nodes',
      () => raisedSince(reads, 'raft-health', undefined, since, false, shortCluster),
      60_000,
      500,
    );
    const reportedAfterMs = Date.parse(short.detectedAt) - since;
    assert.ok(
      Number(short.evidence['activeNodes']) < Number(short.evidence['clusterSize']),
      JSON.stringify(short.evidence),
    );
    const raft = await reads.raft();
    assert.equal(raft.summary.healthy, false);
    assert.equal(raft.orderers.find((o) => o.name === ordererName(leader))?.reachable, false);

    const restartedAt = Date.now();
    supervisor.restart(leader.name);
    await eventually(
      'Raft healthy again',
      async () => {
        const view = await reads.raft();
        return view.summary.healthy && view.orderers.every((o) => o.reachable) ? view : undefined;
      },
      90_000,
      500,
    );
    await eventually(
      'the raft-health finding resolved',
      () =>
        raisedSince(reads, 'raft-health', short.subject, since, true, (f) => f.findingId === short.findingId),
      30_000,
      500,
    );
    const resolvedAfterMs = Date.now() - restartedAt;
    console.log(
      `raft-health reported ${String(reportedAfterMs)} ms after the kill, resolved ${String(resolvedAfterMs)} ms after the restart`,
    );
  });
});
