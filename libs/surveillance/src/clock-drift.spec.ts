import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Alarm } from './alarm';
import { ClockMonitor } from './clock-drift';
import { seededRandom } from './prng';

const T0 = Date.parse('2026-01-01T00:00:00Z');

/** A 2/s meter whose clock runs `ppm` fast and starts `offsetMs` ahead; network delays exponential, mean 80 ms. */
function simulate(
  hours: number,
  ppm: number,
  offsetMs: number,
  seed: number,
): { monitor: ClockMonitor; alarms: { alarm: Alarm; minute: number }[] } {
  const random = seededRandom(seed);
  const monitor = new ClockMonitor('m-1');
  const alarms: { alarm: Alarm; minute: number }[] = [];
  for (let seq = 0; seq < hours * 7200; seq += 1) {
    const trueMs = T0 + seq * 500;
    const measuredAt = trueMs + offsetMs + (trueMs - T0) * ppm * 1e-6;
    const receivedAt = trueMs + random.exponential(80);
    alarms.push(...monitor.add(seq, measuredAt, receivedAt).map((alarm) => ({ alarm, minute: seq / 120 })));
  }
  return { monitor, alarms };
}

describe('clock monitor', () => {
  it('raises nothing for a good clock over 24 simulated hours (172 800 readings)', () => {
    const { alarms, monitor } = simulate(24, 0, 0, 8);
    assert.deepEqual(alarms, []);
    const estimate = monitor.estimate();
    assert.ok(estimate !== undefined && Math.abs(estimate.driftPpm) < 5 && Math.abs(estimate.offsetMs) < 50);
  });

  it('finds +100 ppm as drift once 30 minima are in, estimating it within 20 %', () => {
    const { alarms } = simulate(1, 100, 0, 9);
    const drift = alarms.find(({ alarm }) => alarm.evidence['kind'] === 'drift');
    assert.ok(drift !== undefined);
    const estimated = Number(drift.alarm.evidence['driftPpm']);
    console.log(
      `clock drift: +100 ppm found after ${drift.minute.toFixed(0)} min, estimated ${estimated.toFixed(1)} ppm`,
    );
    assert.ok(Math.abs(estimated - 100) <= 20, `estimate ${String(estimated)}`);
    assert.ok(alarms.every(({ alarm }) => alarm.evidence['kind'] === 'drift'));
  });

  it('finds a clock 3 s behind as an offset after five windows', () => {
    const { alarms } = simulate(0.2, 0, -3000, 10);
    const offset = alarms[0];
    assert.equal(offset?.alarm.evidence['kind'], 'offset');
    assert.ok(Math.abs(Number(offset.alarm.evidence['offsetMs']) + 3000) < 50);
    assert.ok(offset.minute <= 6);
  });

  it('finds readings measured in the future at the third', () => {
    const monitor = new ClockMonitor('m-1');
    const kinds = [0, 1, 2]
      .flatMap((seq) => monitor.add(seq, T0 + seq + 5000, T0 + seq))
      .map((alarm) => alarm.evidence['kind']);
    assert.deepEqual(kinds, ['future']);
  });
});
