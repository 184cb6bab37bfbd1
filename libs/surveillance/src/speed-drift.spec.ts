import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Alarm } from './alarm';
import { seededRandom } from './prng';
import { SpeedDriftDetector } from './speed-drift';

const METERS = ['m-1', 'm-2', 'm-3', 'm-4', 'm-5'];

/**
 * Five meters on one road, each passed by ~60 vehicles a minute (Poisson), speeds lognormal around 80 km/h
 * (σ_ln 0.1). `bias(meter, hour)` is the meter's scale error. Returns the alarms and the hour each was raised.
 */
function simulate(
  hours: number,
  bias: (meter: string, hour: number) => number,
  seed: number,
): { alarm: Alarm; hour: number }[] {
  const random = seededRandom(seed);
  const detector = new SpeedDriftDetector();
  const found: { alarm: Alarm; hour: number }[] = [];
  const end = hours * 3_600_000;
  for (let minute = 0; minute * 60_000 < end; minute += 1) {
    for (const meter of METERS) {
      for (
        let at = minute * 60_000 + random.exponential(1000);
        at < (minute + 1) * 60_000;
        at += random.exponential(1000)
      ) {
        const hour = at / 3_600_000;
        detector.add(meter, 'A1', at, 80 * Math.exp(0.1 * random.normal()) * (1 + bias(meter, hour)));
      }
    }
    found.push(...detector.judge().map((alarm) => ({ alarm, hour: minute / 60 })));
  }
  return found;
}

describe('speed drift against the road', () => {
  it('raises nothing over 24 clean hours of five meters (~430 000 vehicles)', () => {
    assert.deepEqual(
      simulate(24, () => 0, 5),
      [],
    );
  });

  it('finds one meter ramping to +3 % over 2 h, high, at a bias of at most 2 %, and no other meter', () => {
    const ramp = (meter: string, hour: number): number =>
      meter === 'm-3' ? Math.min(hour / 2, 1) * 0.03 : 0;
    const found = simulate(3, ramp, 6);
    assert.ok(found.length > 0, 'an alarm');
    assert.ok(found.every(({ alarm }) => alarm.meterId === 'm-3' && alarm.evidence['direction'] === 'high'));
    const first = found[0];
    assert.ok(first !== undefined);
    const biasAtAlarm = Math.min(first.hour / 2, 1) * 0.03;
    console.log(
      `speed drift: alarm after ${(first.hour * 60).toFixed(0)} min at a bias of ${(biasAtAlarm * 100).toFixed(2)} %`,
    );
    assert.ok(biasAtAlarm <= 0.02, `bias ${String(biasAtAlarm)}`);
  });

  it('needs three peers with twenty vehicles each', () => {
    const detector = new SpeedDriftDetector({ windowMs: 1000, latenessMs: 0 });
    for (const meter of ['a', 'b', 'c']) {
      for (let i = 0; i < 30; i += 1) {
        detector.add(meter, 'A1', i, meter === 'a' ? 200 : 80);
      }
    }
    detector.add('a', 'A1', 5000, 80);
    assert.deepEqual(detector.judge(), []);
    assert.deepEqual(detector.states(), []);
  });
});
