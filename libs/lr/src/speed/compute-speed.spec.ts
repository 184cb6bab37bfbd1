import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { synthesizeLoopSignals } from '@metrochain/sensor-signals';
import { computeSpeed } from './compute-speed';

const SPEEDS_KMH = [5, 10, 30, 50, 80, 120, 160, 200, 250];
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

function measured(payload: unknown): number {
  const outcome = computeSpeed(payload);
  assert.ok(outcome.ok, JSON.stringify(outcome));
  return outcome.result.speedKmh;
}

describe('computeSpeed: known answers on synthetic loop signals', () => {
  for (const truth of SPEEDS_KMH) {
    it(`${String(truth)} km/h within 0.1 km/h without noise, within 0.5 km/h with the simulator's noise`, () => {
      assert.ok(
        Math.abs(measured(synthesizeLoopSignals({ speedKmh: truth, noiseFraction: 0 })) - truth) <= 0.1,
      );
      for (const seed of SEEDS) {
        const error = Math.abs(measured(synthesizeLoopSignals({ speedKmh: truth, seed })) - truth);
        assert.ok(error <= 0.5, `seed ${String(seed)}: off by ${error.toFixed(3)} km/h`);
      }
    });
  }

  it('holds for other loop distances and vehicle lengths', () => {
    for (const [loopDistanceM, vehicleLengthM] of [
      [1.5, 4.5],
      [5, 12],
      [3, 2],
    ] as const) {
      const speed = measured(
        synthesizeLoopSignals({ speedKmh: 90, loopDistanceM, vehicleLengthM, noiseFraction: 0 }),
      );
      assert.ok(
        Math.abs(speed - 90) <= 0.1,
        `${String(loopDistanceM)} m / ${String(vehicleLengthM)} m: ${String(speed)}`,
      );
    }
  });

  it('reports the activation times that determine the speed, and passes the plate hash through', () => {
    const plateImageSha256 = 'ab'.repeat(32);
    const outcome = computeSpeed(
      synthesizeLoopSignals({ speedKmh: 108, noiseFraction: 0, plateImageSha256 }),
    );
    assert.ok(outcome.ok);
    const { activationAS, activationBS, deltaTS, speedKmh } = outcome.result;
    assert.ok(Math.abs(activationBS - activationAS - deltaTS) < 1e-12);
    assert.ok(Math.abs(deltaTS - 0.1) < 1e-4, `3 m at 30 m/s is 0.1 s, got ${String(deltaTS)}`);
    assert.ok(Math.abs((3 / deltaTS) * 3.6 - speedKmh) < 1e-9);
    assert.equal(outcome.result.plateImageSha256, plateImageSha256);
  });

  it('is deterministic: the same input gives the same bits', () => {
    const payload = synthesizeLoopSignals({ speedKmh: 77.7, seed: 42 });
    assert.deepEqual(computeSpeed(structuredClone(payload)), computeSpeed(payload));
  });
});

describe('computeSpeed: implausible inputs', () => {
  const clean = synthesizeLoopSignals({ speedKmh: 60, noiseFraction: 0 });

  it('PAYLOAD_INVALID for a payload that is not a speed meter’s', () => {
    for (const payload of [
      {},
      { ...clean, sampleRateHz: 12.5 },
      { ...clean, loopA: [1, 2, 3] },
      { ...clean, extra: true },
      { ...clean, loopDistanceM: 0.1 },
    ]) {
      const outcome = computeSpeed(payload);
      assert.ok(!outcome.ok && outcome.code === 'PAYLOAD_INVALID', JSON.stringify(outcome));
    }
  });

  it('LOOP_LENGTH_MISMATCH when the loops have different sample counts', () => {
    const outcome = computeSpeed({ ...clean, loopB: clean.loopB.slice(0, -1) });
    assert.ok(!outcome.ok && outcome.code === 'LOOP_LENGTH_MISMATCH');
  });

  it('LOOP_NOT_ACTIVATED when a loop shows no vehicle', () => {
    const flat = clean.loopB.map(() => 2048);
    const outcome = computeSpeed({ ...clean, loopB: flat });
    assert.ok(!outcome.ok && outcome.code === 'LOOP_NOT_ACTIVATED');
  });

  it('LOOP_ORDER_REVERSED when loop B fires first', () => {
    const outcome = computeSpeed({ ...clean, loopA: clean.loopB, loopB: clean.loopA });
    assert.ok(!outcome.ok && outcome.code === 'LOOP_ORDER_REVERSED');
  });

  it('SPEED_OUT_OF_RANGE for a speed no road vehicle has', () => {
    const fast = computeSpeed({ ...clean, sampleRateHz: clean.sampleRateHz * 20 });
    assert.ok(!fast.ok && fast.code === 'SPEED_OUT_OF_RANGE', JSON.stringify(fast));
    const slow = computeSpeed({ ...clean, sampleRateHz: 100, loopDistanceM: 0.5 });
    assert.ok(!slow.ok && slow.code === 'SPEED_OUT_OF_RANGE', JSON.stringify(slow));
  });
});
