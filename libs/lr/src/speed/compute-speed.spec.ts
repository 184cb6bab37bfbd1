import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { synthesizeLoopSignals } from '@metrochain/sensor-signals';
import { computeSpeed } from './compute-speed';

const SPEEDS_KMH = [5, 10, 30, 50, 80, 120, 160, 200, 250];
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

function measured(payload: unknown): number {
  const outcome = computeSpeed(payload);
  assert.ok(outcome.ok, JSON.stringify(outcome));
  return outcome.result.speedKmh;
}

function refusal(payload: unknown): string {
  const outcome = computeSpeed(payload);
  assert.ok(!outcome.ok, JSON.stringify(outcome));
  return outcome.code;
}

describe('computeSpeed: known answers on synthetic loop signals', () => {
  for (const truth of SPEEDS_KMH) {
    it(`${truth} km/h within 0.1 km/h without noise, within 0.5 km/h with the simulator's noise`, (t) => {
      const clean = Math.abs(measured(synthesizeLoopSignals({ speedKmh: truth, noiseFraction: 0 })) - truth);
      assert.ok(clean <= 0.1, `clean: off by ${clean} km/h`);
      let worst = 0;
      for (const seed of SEEDS) {
        const error = Math.abs(measured(synthesizeLoopSignals({ speedKmh: truth, seed })) - truth);
        assert.ok(error <= 0.5, `seed ${seed}: off by ${error.toFixed(3)} km/h`);
        worst = Math.max(worst, error);
      }
      t.diagnostic(`error clean ${clean.toExponential(2)} km/h, noisy worst ${worst.toFixed(3)} km/h`);
    });
  }

  it('holds for other loop distances and vehicle lengths', () => {
    for (const [loopDistanceM, vehicleLengthM] of [
      [0.5, 4.5],
      [1.5, 1.2],
      [5, 12],
      [20, 18],
    ] as const) {
      const speed = measured(
        synthesizeLoopSignals({ speedKmh: 90, loopDistanceM, vehicleLengthM, noiseFraction: 0 }),
      );
      assert.ok(Math.abs(speed - 90) <= 0.1, `${loopDistanceM} m / ${vehicleLengthM} m: ${speed}`);
    }
  });

  it('measures each loop against its own idle and occupied levels', () => {
    const payload = synthesizeLoopSignals({ speedKmh: 100, seed: 3 });
    const weakerB = payload.loopB.map((value) => Math.round(0.4 * value - 300));
    assert.ok(Math.abs(measured({ ...payload, loopB: weakerB }) - 100) <= 0.5);
  });

  it('is exact on a hand-made straight edge: 1 m in 10 ms is 360 km/h', () => {
    const edge = (delay: number): number[] =>
      Array.from({ length: 64 }, (_, n) => Math.min(100, Math.max(0, 10 * (n - 20 - delay))));
    const outcome = computeSpeed({ loopDistanceM: 1, sampleRateHz: 1000, loopA: edge(0), loopB: edge(10) });
    assert.ok(outcome.ok, JSON.stringify(outcome));
    assert.ok(Math.abs(outcome.result.activationAS - 0.025) < 1e-12);
    assert.ok(Math.abs(outcome.result.activationBS - 0.035) < 1e-12);
    assert.ok(Math.abs(outcome.result.speedKmh - 360) < 1e-9);
  });

  it('reports the activation times that determine the speed, and passes the plate hash through', () => {
    const plateImageSha256 = 'ab'.repeat(32);
    const outcome = computeSpeed(
      synthesizeLoopSignals({ speedKmh: 108, noiseFraction: 0, plateImageSha256 }),
    );
    assert.ok(outcome.ok);
    const { activationAS, activationBS, deltaTS, speedKmh } = outcome.result;
    assert.ok(Math.abs(activationBS - activationAS - deltaTS) < 1e-12);
    assert.ok(Math.abs(deltaTS - 0.1) < 1e-4, `3 m at 30 m/s is 0.1 s, got ${deltaTS}`);
    assert.equal(speedKmh, (3 / deltaTS) * 3.6);
    assert.equal(outcome.result.plateImageSha256, plateImageSha256);
    const withoutPlate = computeSpeed(synthesizeLoopSignals({ speedKmh: 108, noiseFraction: 0 }));
    assert.ok(withoutPlate.ok && !('plateImageSha256' in withoutPlate.result));
  });

  it('is deterministic: the same input gives the same bits', () => {
    const payload = synthesizeLoopSignals({ speedKmh: 77.7, seed: 42 });
    const first = computeSpeed(payload);
    assert.deepEqual(computeSpeed(structuredClone(payload)), first);
    assert.deepEqual(computeSpeed(JSON.parse(JSON.stringify(payload))), first);
  });
});

describe('computeSpeed: implausible inputs', () => {
  const clean = synthesizeLoopSignals({ speedKmh: 60, noiseFraction: 0 });

  it('PAYLOAD_INVALID for a payload that is not a speed meter’s, without throwing', () => {
    const payloads: unknown[] = [
      undefined,
      null,
      'speed',
      [],
      {},
      { ...clean, sampleRateHz: 12.5 },
      { ...clean, sampleRateHz: 50 },
      { ...clean, loopA: [1, 2, 3] },
      { ...clean, loopA: [...clean.loopA.slice(1), Number.NaN] },
      { ...clean, loopB: clean.loopB.map(String) },
      { ...clean, loopA: Array.from({ length: 8193 }, () => 1) },
      { ...clean, extra: true },
      { ...clean, loopDistanceM: 0.1 },
      { ...clean, plateImageSha256: 'AB'.repeat(32) },
    ];
    for (const [index, payload] of payloads.entries()) {
      assert.equal(refusal(payload), 'PAYLOAD_INVALID', `payload ${index}`);
    }
  });

  it('LOOP_LENGTH_MISMATCH when the loops have different sample counts', () => {
    assert.equal(refusal({ ...clean, loopB: clean.loopB.slice(0, -1) }), 'LOOP_LENGTH_MISMATCH');
  });

  it('LOOP_NOT_ACTIVATED when a loop shows no vehicle, or one already there at the start', () => {
    assert.equal(refusal({ ...clean, loopB: clean.loopB.map(() => 2048) }), 'LOOP_NOT_ACTIVATED');
    const noisy = synthesizeLoopSignals({ speedKmh: 60, seed: 4 });
    const noiseOnly = noisy.loopA.map((value, n) => 2048 + value - (clean.loopA[n] ?? 0));
    assert.equal(refusal({ ...clean, loopA: noiseOnly }), 'LOOP_NOT_ACTIVATED');
    const top = clean.loopA.indexOf(3048);
    const leaving = [...clean.loopA.slice(top), ...clean.loopA.slice(0, top)];
    assert.equal(refusal({ ...clean, loopA: leaving }), 'LOOP_NOT_ACTIVATED');
    const earlyEdge = clean.loopA.map((_, n) => Math.min(100, Math.max(0, 10 * (n - 2))));
    assert.equal(refusal({ ...clean, loopA: earlyEdge }), 'LOOP_NOT_ACTIVATED');
  });

  it('LOOP_ORDER_REVERSED when loop B fires first', () => {
    assert.equal(refusal({ ...clean, loopA: clean.loopB, loopB: clean.loopA }), 'LOOP_ORDER_REVERSED');
    assert.equal(refusal({ ...clean, loopB: clean.loopA }), 'LOOP_ORDER_REVERSED');
  });

  it('SPEED_OUT_OF_RANGE for a speed no road vehicle has', () => {
    assert.equal(refusal({ ...clean, sampleRateHz: clean.sampleRateHz * 20 }), 'SPEED_OUT_OF_RANGE');
    assert.equal(refusal({ ...clean, sampleRateHz: 100, loopDistanceM: 0.5 }), 'SPEED_OUT_OF_RANGE');
  });
});
