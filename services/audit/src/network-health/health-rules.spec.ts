import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type Condition,
  type HeaderReading,
  type OrdererObservation,
  type PeerObservation,
  divergenceCondition,
  peerConditions,
  raftConditions,
} from './health-rules';
import { ConditionTimer, LeaderChangeHistory } from './health-trackers';

const peer = (name: string, height: number | undefined, reachable = true): PeerObservation => ({
  org: name.includes('inmetro') ? 'Inmetro' : 'PTB',
  mspId: name.includes('inmetro') ? 'InmetroMSP' : 'PTBMSP',
  name,
  reachable,
  height,
});

const orderer = (name: string, overrides: Partial<OrdererObservation> = {}): OrdererObservation => ({
  name,
  reachable: true,
  isLeader: false,
  activeNodes: 3,
  clusterSize: 3,
  leaderChanges: 1,
  ...overrides,
});

const settings = {
  peerBehindBlocks: 5,
  peerBehindSeconds: 30,
  raftGraceSeconds: 10,
  leaderChangesBurst: 3,
  leaderChangesWindowSeconds: 300,
};

const failing = (conditions: Condition[]): string[] =>
  conditions.filter((c) => c.failing === true).map((c) => `${c.subject}|${c.dedupeKey ?? ''}`);

describe('peerConditions', () => {
  it('flags a peer more than N blocks under the highest, and an unreachable one', () => {
    const conditions = peerConditions(
      [
        peer('peer0.ptb', 100),
        peer('peer1.ptb', 95),
        peer('peer0.inmetro', 94),
        peer('peer1.inmetro', undefined, false),
      ],
      settings,
    );
    assert.deepEqual(failing(conditions), ['peer:peer0.inmetro|', 'peer:peer1.inmetro|']);
    const [, , behindPeer, downPeer] = conditions;
    assert.ok(behindPeer && downPeer);
    assert.equal(behindPeer.evidence['behindBy'], 6);
    assert.equal(behindPeer.graceMs, 30_000);
    assert.match(downPeer.summary, /does not answer/);
  });

  it('cannot tell anything when no peer answers', () => {
    const conditions = peerConditions([peer('a', undefined, false), peer('b', undefined, false)], settings);
    assert.deepEqual(
      conditions.map((c) => c.failing),
      [undefined, undefined],
    );
  });
});

describe('raftConditions', () => {
  const healthy = [orderer('o1', { isLeader: true }), orderer('o2'), orderer('o3')];

  it('is healthy with one leader, all nodes active and no burst', () => {
    const conditions = raftConditions('nmichannel', healthy, new Map([['o1', 0]]), settings);
    assert.deepEqual(failing(conditions), []);
    assert.equal(conditions.length, 2 + 2 * 3);
  });

  it('flags no leader or two leaders (critical), a short cluster and an unreachable orderer', () => {
    const down = [
      orderer('o1', {
        reachable: false,
        isLeader: undefined,
        activeNodes: undefined,
        clusterSize: undefined,
      }),
      orderer('o2', { activeNodes: 2 }),
      orderer('o3', { activeNodes: 2 }),
    ];
    const conditions = raftConditions('nmichannel', down, new Map(), settings);
    assert.deepEqual(failing(conditions), [
      'channel:nmichannel|leaders',
      'orderer:o1|unreachable',
      'orderer:o2|active-nodes',
      'orderer:o3|active-nodes',
    ]);
    assert.equal(conditions[0]?.severity, 'critical');
    const two = raftConditions(
      'nmichannel',
      [orderer('o1', { isLeader: true }), orderer('o2', { isLeader: true })],
      new Map(),
      settings,
    );
    assert.deepEqual(failing(two), ['channel:nmichannel|leaders']);
  });

  it('flags a burst of leader changes by the orderer that counted most', () => {
    const burst = raftConditions(
      'nmichannel',
      healthy,
      new Map([
        ['o1', 4],
        ['o2', 4],
      ]),
      settings,
    );
    assert.deepEqual(failing(burst), ['channel:nmichannel|leader-changes']);
    assert.equal(burst[1]?.evidence['changes'], 4);
    assert.deepEqual(
      failing(
        raftConditions(
          'nmichannel',
          healthy,
          new Map([
            ['o1', 3],
            ['o2', 3],
          ]),
          settings,
        ),
      ),
      [],
    );
  });
});

describe('divergenceCondition', () => {
  const reading = (p: string, headerHash: string | undefined, dataHashValid = true): HeaderReading => ({
    org: 'PTB',
    peer: p,
    headerHash,
    dataHashValid: headerHash === undefined ? undefined : dataHashValid,
  });

  it('agrees when every peer that delivered the block gives the same hash', () => {
    const condition = divergenceCondition('nmichannel', 7, [
      reading('a', 'h1'),
      reading('b', 'h1'),
      reading('c', undefined),
    ]);
    assert.equal(condition.failing, false);
  });

  it('is critical when two peers hold different headers at the same number, with both hashes as evidence', () => {
    const condition = divergenceCondition('nmichannel', 7, [reading('a', 'h1'), reading('b', 'h2')]);
    assert.equal(condition.failing, true);
    assert.equal(condition.severity, 'critical');
    assert.deepEqual(condition.evidence, {
      channel: 'nmichannel',
      blockNumber: 7,
      hashes: { a: 'h1', b: 'h2' },
      dataHashInvalidOn: [],
    });
  });

  it('flags a block whose data does not match its data hash', () => {
    const condition = divergenceCondition('nmichannel', 7, [reading('a', 'h1'), reading('b', 'h1', false)]);
    assert.equal(condition.failing, true);
    assert.match(condition.summary, /data hash on b/);
  });

  it('cannot tell with fewer than two readings', () => {
    assert.equal(divergenceCondition('nmichannel', 7, [reading('a', 'h1')]).failing, undefined);
    assert.equal(divergenceCondition('nmichannel', undefined, []).failing, undefined);
  });
});

describe('ConditionTimer', () => {
  const condition = (isFailing: boolean | undefined): Condition => ({
    category: 'peer-behind',
    subject: 'peer:a',
    severity: 'warning',
    failing: isFailing,
    graceMs: 30_000,
    summary: 's',
    evidence: {},
  });

  it('reports only after the grace period of continuous failure, and resolves at once', () => {
    const timer = new ConditionTimer();
    assert.equal(timer.verdict(condition(true), 0), undefined);
    assert.equal(timer.verdict(condition(true), 29_999), undefined);
    assert.equal(timer.verdict(condition(undefined), 29_999), undefined);
    assert.equal(timer.verdict(condition(true), 30_000), true);
    assert.equal(timer.verdict(condition(false), 31_000), false);
    assert.equal(timer.verdict(condition(true), 32_000), undefined);
    assert.equal(timer.failingSince(condition(true)), 32_000);
  });
});

describe('LeaderChangeHistory', () => {
  it('counts increments within the window and treats a lower counter as a restart', () => {
    const history = new LeaderChangeHistory(300_000);
    history.record('o1', 1, 0);
    history.record('o1', 3, 100_000);
    assert.equal(history.changesInWindow(100_000).get('o1'), 2);
    history.record('o1', 4, 350_000);
    assert.equal(history.changesInWindow(350_000).get('o1'), 1);
    history.record('o1', 0, 360_000);
    history.record('o1', undefined, 365_000);
    assert.equal(history.changesInWindow(360_000).get('o1'), 0);
  });
});
