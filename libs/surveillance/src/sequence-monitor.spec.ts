import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Alarm } from './alarm';
import { seededRandom } from './prng';
import { SequenceMonitor } from './sequence-monitor';

const T0 = Date.parse('2026-01-01T00:00:00Z');

/** A 2/s meter with jittered spacing; `skip` seqs are never sent. */
function run(monitor: SequenceMonitor, count: number, skip: (seq: number) => boolean, seed = 3): Alarm[] {
  const random = seededRandom(seed);
  const alarms: Alarm[] = [];
  let at = T0;
  for (let seq = 0; seq < count; seq += 1) {
    at += 400 + 200 * random.next();
    if (!skip(seq)) {
      const burst = monitor.add(seq, at, at + random.exponential(80));
      if (burst !== undefined) {
        alarms.push(burst);
      }
    }
    if (seq % 100 === 0) {
      alarms.push(...monitor.overdueGaps(at));
    }
  }
  alarms.push(...monitor.overdueGaps(at + 120_000));
  return alarms;
}

describe('sequence monitor', () => {
  it('raises nothing over 24 simulated hours of a 2/s meter (172 800 readings)', () => {
    assert.deepEqual(
      run(new SequenceMonitor('m-1'), 172_800, () => false),
      [],
    );
  });

  it('reports seq 1000..1004 missing once, after the 60 s grace', () => {
    const alarms = run(new SequenceMonitor('m-1'), 2000, (seq) => seq >= 1000 && seq <= 1004);
    assert.equal(alarms.length, 1);
    assert.deepEqual(
      [alarms[0]?.category, alarms[0]?.evidence['missingFrom'], alarms[0]?.evidence['missingTo']],
      ['seq-anomaly', 1000, 1004],
    );
  });

  it('forgives a seq that arrives late within the grace', () => {
    const monitor = new SequenceMonitor('m-1', { graceMs: 1000 });
    monitor.add(0, T0, T0);
    monitor.add(2, T0 + 10, T0 + 10);
    monitor.add(1, T0 + 5, T0 + 20);
    assert.equal(monitor.missing, 0);
    assert.deepEqual(monitor.overdueGaps(T0 + 5000), []);
  });

  it('finds 50 readings within 1 s of a 2/s meter as one burst', () => {
    const monitor = new SequenceMonitor('m-1');
    const quiet = run(monitor, 500, () => false);
    assert.deepEqual(quiet, []);
    const start = T0 + 400_000;
    const alarms = Array.from({ length: 50 }, (_, i) =>
      monitor.add(500 + i, start + i * 20, start + i * 20 + 5),
    ).filter((alarm) => alarm !== undefined);
    assert.equal(alarms.length, 1);
    assert.equal(alarms[0]?.evidence['kind'], 'burst');
    assert.ok(Number(alarms[0].evidence['count']) <= 50);
  });
});
