import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { seededRandom } from './prng';
import { StuckMonitor } from './stuck-monitor';

const digest = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('stuck monitor', () => {
  it('raises nothing for 10^5 noisy payloads and speeds of lognormal traffic', () => {
    const random = seededRandom(4);
    const monitor = new StuckMonitor('m-1');
    for (let seq = 0; seq < 100_000; seq += 1) {
      assert.equal(monitor.addPayload(seq, digest(`samples ${String(random.next())}`)), undefined);
      assert.equal(monitor.addResult(seq, 80 * Math.exp(0.1 * random.normal())), undefined);
    }
  });

  it('finds a replayed payload at its third copy, as critical, naming the seqs', () => {
    const monitor = new StuckMonitor('m-1');
    const replay = digest('the one capture');
    assert.equal(monitor.addPayload(10, replay), undefined);
    assert.equal(monitor.addPayload(11, replay), undefined);
    const alarm = monitor.addPayload(12, replay);
    assert.equal(alarm?.category, 'stuck-values');
    assert.equal(alarm.severity, 'critical');
    assert.deepEqual(alarm.evidence['seqs'], [10, 11, 12]);
    assert.equal(monitor.addPayload(11, replay), undefined, 'a redelivered seq is no new copy');
  });

  it('reports a payload that never changes once and holds no more than the seqs it reported', () => {
    const monitor = new StuckMonitor('m-1');
    const constant = digest('a meter at zero load, without noise');
    const alarms = Array.from({ length: 10_000 }, (_, seq) => monitor.addPayload(seq, constant)).filter(
      (alarm) => alarm !== undefined,
    );
    assert.deepEqual(
      alarms.map((alarm) => alarm.evidence['seqs']),
      [[0, 1, 2]],
    );
    assert.equal(monitor.heldSeqs, 3);
    assert.equal(monitor.addPayload(5_000, constant), undefined, 'nor again for a seq it did not keep');
  });

  it('finds 20 identical speeds in a row at the 20th', () => {
    const monitor = new StuckMonitor('m-1');
    const alarms = Array.from({ length: 25 }, (_, seq) => monitor.addResult(seq, 88.1)).map(
      (alarm) => alarm?.evidence['kind'],
    );
    assert.equal(alarms.indexOf('run'), 19);
  });

  it('finds speeds that take one value three times in four by their entropy (0.81 bit)', () => {
    const monitor = new StuckMonitor('m-1');
    const kinds = Array.from({ length: 64 }, (_, seq) => monitor.addResult(seq, seq % 4 === 0 ? 81 : 80)).map(
      (alarm) => alarm?.evidence['kind'],
    );
    assert.equal(kinds.at(-1), 'entropy');
  });
});
