import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChainReader, PeerBlockHeader } from '@metrochain/ledger';
import type { FindingInput, ReportOptions } from '../findings/findings.service';
import type { PeerObservation } from './health-rules';
import { NetworkMonitor, comparedBlockOf } from './network-monitor';
import type { MonitoredPeer } from './network-observer';
import type { MetricSample } from './prometheus-text';

const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);

/** A fake network: heights, header hashes per peer, orderer gauges, and which nodes are down. */
class FakeNetwork {
  heights = new Map<string, number>([
    ['peer0.ptb', 10],
    ['peer1.ptb', 10],
    ['peer0.inmetro', 10],
    ['peer1.inmetro', 10],
  ]);
  hashes = new Map<string, string>();
  leader = 'orderer1';
  activeNodes = 3;
  down = new Set<string>();

  reader(name: string): ChainReader {
    return {
      chainInfo: () =>
        this.down.has(name)
          ? Promise.reject(new Error('unavailable'))
          : Promise.resolve({
              height: this.heights.get(name) ?? 0,
              currentBlockHash: HASH_A,
              previousBlockHash: HASH_A,
            }),
      blockHeader: (number: number): Promise<PeerBlockHeader> =>
        this.down.has(name)
          ? Promise.reject(new Error('unavailable'))
          : Promise.resolve({
              number,
              headerHash: this.hashes.get(name) ?? HASH_A,
              previousHash: HASH_A,
              dataHash: HASH_A,
              dataHashValid: true,
            }),
    };
  }

  scrape = (url: string): Promise<MetricSample[]> => {
    const name = new URL(url).hostname;
    if (this.down.has(name)) {
      return Promise.reject(new Error('ECONNREFUSED'));
    }
    const channel = { channel: 'nmichannel' };
    if (name.startsWith('peer')) {
      return Promise.resolve([
        { name: 'ledger_blockchain_height', labels: channel, value: this.heights.get(name) ?? 0 },
      ]);
    }
    const gauge = (metric: string, value: number): MetricSample => ({
      name: `consensus_etcdraft_${metric}`,
      labels: channel,
      value,
    });
    return Promise.resolve([
      gauge('is_leader', name === this.leader ? 1 : 0),
      gauge('active_nodes', this.activeNodes),
      gauge('cluster_size', 3),
      gauge('leader_changes', 1),
    ]);
  };
}

interface Recorded {
  reported: (FindingInput & { dedupeKey?: string })[];
  resolved: { category: string; subject: string; dedupeKey?: string }[];
}

interface Harness {
  fake: FakeNetwork;
  recorded: Recorded;
  monitor: NetworkMonitor;
  advance: (ms: number) => void;
}

function setUp(overrides: { peerBehindSeconds?: number } = {}): Harness {
  const fake = new FakeNetwork();
  const recorded: Recorded = { reported: [], resolved: [] };
  let nowMs = Date.parse('2026-12-03T04:00:00Z');
  const peers: MonitoredPeer[] = [...fake.heights.keys()].map((name) => ({
    org: name.endsWith('ptb') ? 'PTB' : 'Inmetro',
    mspId: name.endsWith('ptb') ? 'PTBMSP' : 'InmetroMSP',
    name,
    metricsUrl: `http://${name}:9443/metrics`,
    reader: fake.reader(name),
  }));
  const monitor = new NetworkMonitor({
    channel: 'nmichannel',
    peers,
    orderers: ['orderer1', 'orderer2', 'orderer3'].map((name) => ({
      name,
      metricsUrl: `http://${name}:9443/metrics`,
    })),
    scrape: fake.scrape,
    findings: {
      report: (input: FindingInput, options?: ReportOptions) => {
        recorded.reported.push({
          ...input,
          ...(options?.dedupeKey === undefined ? {} : { dedupeKey: options.dedupeKey }),
        });
        return Promise.resolve(undefined);
      },
      resolve: (category, subject, _summary, _evidence, options) => {
        recorded.resolved.push({
          category,
          subject,
          ...(options?.dedupeKey === undefined ? {} : { dedupeKey: options.dedupeKey }),
        });
        return Promise.resolve(undefined);
      },
    },
    settings: {
      pollMs: 1_000,
      timeoutMs: 500,
      peerBehindBlocks: 5,
      peerBehindSeconds: overrides.peerBehindSeconds ?? 10,
      raftGraceSeconds: 5,
      leaderChangesBurst: 3,
      leaderChangesWindowSeconds: 300,
    },
    now: () => new Date(nowMs),
  });
  const advance = (ms: number): void => {
    nowMs += ms;
  };
  return { fake, recorded, monitor, advance };
}

describe('NetworkMonitor', () => {
  it('on a clean network: every peer agrees, one leader, no finding', async () => {
    const { monitor, recorded } = setUp();
    await monitor.poll();
    assert.deepEqual(recorded.reported, []);
    const peers = monitor.peers();
    assert.equal(peers.comparedBlock, 9);
    assert.deepEqual(
      peers.peers.map((p) => [p.name, p.reachable, p.height, p.behindBy, p.headerHash, p.behind]),
      [...['peer0.ptb', 'peer1.ptb', 'peer0.inmetro', 'peer1.inmetro']].map((n) => [
        n,
        true,
        10,
        0,
        HASH_A,
        false,
      ]),
    );
    const comparison = monitor.comparison();
    assert.equal(comparison.agree, true);
    assert.deepEqual(
      comparison.orgViews.map((view) => [view.org, view.via, view.height]),
      [
        ['PTB', 'peer0.ptb', 10],
        ['Inmetro', 'peer0.inmetro', 10],
      ],
    );
    const raft = monitor.raft();
    assert.deepEqual(raft.summary, { leaders: 1, leader: 'orderer1', healthy: true, problems: [] });
  });

  // Divergence cannot be produced on a real Fabric network (a peer rejects a block that does not chain), so it is
  // proven here with a reader that answers a different header hash.
  it('reports ledger-divergence (critical) when a peer holds a different header at the compared block', async () => {
    const { fake, monitor, recorded } = setUp();
    fake.hashes.set('peer1.inmetro', HASH_B);
    await monitor.poll();
    const [finding] = recorded.reported;
    assert.equal(recorded.reported.length, 1);
    assert.equal(finding?.category, 'ledger-divergence');
    assert.equal(finding.severity, 'critical');
    assert.equal(finding.subject, 'channel:nmichannel');
    assert.equal(finding.evidence['blockNumber'], 9);
    assert.deepEqual(finding.evidence['hashes'], {
      'peer0.ptb': HASH_A,
      'peer1.ptb': HASH_A,
      'peer0.inmetro': HASH_A,
      'peer1.inmetro': HASH_B,
    });
    assert.equal(monitor.comparison().agree, false);
  });

  it('reports peer-behind once a stopped peer stays unreachable past T, and resolves it when it caught up', async () => {
    const { fake, monitor, recorded, advance } = setUp();
    await monitor.poll();
    fake.down.add('peer1.inmetro');
    await monitor.poll();
    assert.equal(recorded.reported.length, 0);
    advance(10_000);
    fake.heights.set('peer0.ptb', 12);
    await monitor.poll();
    assert.deepEqual(
      recorded.reported.map((f) => [f.category, f.subject]),
      [['peer-behind', 'peer:peer1.inmetro']],
    );
    const view = monitor.peers().peers.find((p) => p.name === 'peer1.inmetro');
    assert.ok(view);
    assert.equal(view.reachable, false);
    assert.equal(view.behind, true);
    assert.notEqual(view.lastSeen, null);
    assert.equal(monitor.comparison().hashes.find((h) => h.peer === 'peer1.inmetro')?.error, 'unreachable');

    // The first healthy poll resolves whatever an earlier process may have left open; what follows is this outage.
    const resolvedBefore = recorded.resolved.length;
    const resolvedNow = (): string[] => recorded.resolved.slice(resolvedBefore).map((r) => r.subject);
    fake.down.delete('peer1.inmetro');
    fake.heights.set('peer1.inmetro', 2);
    advance(1_000);
    await monitor.poll();
    assert.deepEqual(resolvedNow(), [], 'still 10 blocks behind');
    fake.heights.set('peer1.inmetro', 12);
    advance(1_000);
    await monitor.poll();
    assert.deepEqual(resolvedNow(), ['peer:peer1.inmetro']);
    assert.equal(monitor.peers().peers.find((p) => p.name === 'peer1.inmetro')?.behind, false);
  });

  it('reports raft-health when the leader is down (cluster short, orderer unreachable) and resolves after', async () => {
    const { fake, monitor, recorded, advance } = setUp();
    fake.down.add('orderer1');
    fake.leader = 'orderer2';
    fake.activeNodes = 2;
    await monitor.poll();
    advance(5_000);
    await monitor.poll();
    assert.deepEqual(recorded.reported.map((f) => `${f.subject}|${f.dedupeKey ?? ''}`).sort(), [
      'orderer:orderer1|unreachable',
      'orderer:orderer2|active-nodes',
      'orderer:orderer3|active-nodes',
    ]);
    assert.equal(monitor.raft().summary.healthy, false);
    assert.equal(monitor.raft().orderers[0]?.reachable, false);

    const resolvedBefore = recorded.resolved.length;
    fake.down.delete('orderer1');
    fake.activeNodes = 3;
    advance(1_000);
    await monitor.poll();
    assert.deepEqual(
      recorded.resolved
        .slice(resolvedBefore)
        .filter((r) => r.category === 'raft-health')
        .map((r) => `${r.subject}|${r.dedupeKey ?? ''}`)
        .sort(),
      // orderer1's active-nodes could not be told while it was down: its first healthy poll resolves it too.
      [
        'orderer:orderer1|active-nodes',
        'orderer:orderer1|unreachable',
        'orderer:orderer2|active-nodes',
        'orderer:orderer3|active-nodes',
      ],
    );
    assert.equal(monitor.raft().summary.healthy, true);
  });

  it('compares the block every reachable peer has', () => {
    const seen = (height: number | undefined, reachable = true): PeerObservation => ({
      org: 'PTB',
      mspId: 'PTBMSP',
      name: 'p',
      reachable,
      height,
    });
    assert.equal(comparedBlockOf([seen(10), seen(7), seen(undefined, false)]), 6);
    assert.equal(comparedBlockOf([seen(0)]), undefined);
    assert.equal(comparedBlockOf([seen(undefined, false)]), undefined);
  });
});
