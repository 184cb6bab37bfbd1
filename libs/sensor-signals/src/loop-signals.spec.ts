import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_LOOP_NOISE_FRACTION,
  DEFAULT_SAMPLES_BETWEEN_LOOPS,
  MAX_SYNTHETIC_LOOP_SAMPLES,
  synthesizeLoopSignals,
} from './loop-signals';

const SPEEDS_KMH = [5, 10, 30, 50, 80, 120, 160, 200, 250];
const IDLE_COUNTS = 2048;
const FULL_COUNTS = 3048;

function samplesBetweenLoops(speedKmh: number, loopDistanceM: number, sampleRateHz: number): number {
  return (loopDistanceM / (speedKmh / 3.6)) * sampleRateHz;
}

describe('synthesizeLoopSignals: sample rate', () => {
  it('puts the default number of samples between the loops and stays within the budget over 5–250 km/h', () => {
    for (const speedKmh of SPEEDS_KMH) {
      const payload = synthesizeLoopSignals({ speedKmh });
      const between = samplesBetweenLoops(speedKmh, 3, payload.sampleRateHz);
      assert.ok(Math.abs(between - DEFAULT_SAMPLES_BETWEEN_LOOPS) < 2, `${speedKmh} km/h: ${between}`);
      assert.ok(Number.isInteger(payload.sampleRateHz));
      assert.equal(payload.loopA.length, payload.loopB.length);
      assert.ok(payload.loopA.length <= MAX_SYNTHETIC_LOOP_SAMPLES);
    }
  });

  it('takes fewer samples between close loops and keeps the rate a speed meter may report', () => {
    for (const loopDistanceM of [0.5, 20]) {
      for (const speedKmh of [5, 250]) {
        const payload = synthesizeLoopSignals({ speedKmh, loopDistanceM });
        const between = samplesBetweenLoops(speedKmh, loopDistanceM, payload.sampleRateHz);
        assert.ok(payload.loopA.length <= MAX_SYNTHETIC_LOOP_SAMPLES, String(payload.loopA.length));
        assert.ok(payload.sampleRateHz >= 100 && payload.sampleRateHz <= 200_000);
        assert.ok(between >= 300, `${loopDistanceM} m at ${speedKmh} km/h: ${between}`);
      }
    }
  });

  it('refuses a speed that is not positive', () => {
    assert.throws(() => synthesizeLoopSignals({ speedKmh: 0 }), RangeError);
  });
});

describe('synthesizeLoopSignals: shape', () => {
  const clean = synthesizeLoopSignals({ speedKmh: 72, noiseFraction: 0 });

  it('starts idle, rises to the full response and counts in whole ADC steps', () => {
    for (const loop of [clean.loopA, clean.loopB]) {
      assert.deepEqual(
        loop.slice(0, 16),
        Array.from({ length: 16 }, () => IDLE_COUNTS),
      );
      assert.equal(Math.max(...loop), FULL_COUNTS);
      assert.ok(loop.every(Number.isInteger));
    }
  });

  it('rises as an S: slow at the foot, steepest half-way', () => {
    const start = clean.loopA.findIndex((value) => value > IDLE_COUNTS);
    const top = clean.loopA.indexOf(FULL_COUNTS);
    const at = (fraction: number): number => clean.loopA[Math.round(start + fraction * (top - start))] ?? 0;
    assert.ok(
      clean.loopA.slice(start, top + 1).every((value, index, rise) => value >= (rise[index - 1] ?? 0)),
    );
    assert.ok(at(0.1) - at(0) < (at(0.55) - at(0.45)) / 3, `${at(0)} ${at(0.1)} ${at(0.45)} ${at(0.55)}`);
  });

  it('shows loop B the same response, later by the loop distance over the speed', () => {
    const halfA = clean.loopA.findIndex((value) => value >= 2548);
    const halfB = clean.loopB.findIndex((value) => value >= 2548);
    const expected = samplesBetweenLoops(72, 3, clean.sampleRateHz);
    assert.ok(Math.abs(halfB - halfA - expected) <= 1);
  });

  it('passes the plate hash through', () => {
    const plateImageSha256 = 'cd'.repeat(32);
    assert.equal(
      synthesizeLoopSignals({ speedKmh: 50, plateImageSha256 }).plateImageSha256,
      plateImageSha256,
    );
    assert.equal('plateImageSha256' in synthesizeLoopSignals({ speedKmh: 50 }), false);
  });
});

describe('synthesizeLoopSignals: noise', () => {
  it('adds the default noise, reproducibly for a seed', () => {
    const clean = synthesizeLoopSignals({ speedKmh: 80, noiseFraction: 0 });
    const noisy = synthesizeLoopSignals({ speedKmh: 80, seed: 5 });
    const residuals = noisy.loopA.map((value, index) => value - (clean.loopA[index] ?? 0));
    const rms = Math.sqrt(residuals.reduce((sum, value) => sum + value * value, 0) / residuals.length);
    assert.ok(Math.abs(rms - DEFAULT_LOOP_NOISE_FRACTION * 1000) < 0.5, String(rms));
    assert.deepEqual(synthesizeLoopSignals({ speedKmh: 80, seed: 5 }), noisy);
    assert.notDeepEqual(synthesizeLoopSignals({ speedKmh: 80, seed: 6 }), noisy);
  });
});
