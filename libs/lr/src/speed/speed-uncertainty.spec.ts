import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { synthesizeLoopSignals } from '@metrochain/sensor-signals';
import { computeSpeed } from './compute-speed';

// The algorithm's share of the speed uncertainty budget in docs/conformance.md: a Type A evaluation over 300 seeded
// noisy signals (the simulator's 0.5 % loop noise) per speed. The budget states u_rel(algorithm) = 0.03 % and a bias
// under 0.01 %; these bounds leave a margin and fail if a change to the LR code makes the algorithm noisier.
const SEEDS = 300;
const MAX_RELATIVE_SD = 0.0005;
const MAX_RELATIVE_BIAS = 0.0002;

function errors(truthKmh: number): number[] {
  return Array.from({ length: SEEDS }, (_, index) => {
    const outcome = computeSpeed(synthesizeLoopSignals({ speedKmh: truthKmh, seed: index + 1 }));
    assert.ok(outcome.ok, JSON.stringify(outcome));
    return outcome.result.speedKmh - truthKmh;
  });
}

describe('speed: the algorithm’s Type A uncertainty', () => {
  for (const truth of [5, 80, 250]) {
    it(`${truth} km/h: relative standard deviation ≤ 0.05 %, bias ≤ 0.02 %`, (t) => {
      const sample = errors(truth);
      const mean = sample.reduce((sum, error) => sum + error, 0) / sample.length;
      const variance = sample.reduce((sum, error) => sum + (error - mean) ** 2, 0) / (sample.length - 1);
      const relativeSd = Math.sqrt(variance) / truth;
      t.diagnostic(`u_rel ${(relativeSd * 100).toFixed(4)} %, bias ${((mean / truth) * 100).toFixed(4)} %`);
      assert.ok(relativeSd <= MAX_RELATIVE_SD, `u_rel ${relativeSd}`);
      assert.ok(Math.abs(mean / truth) <= MAX_RELATIVE_BIAS, `bias ${mean / truth}`);
    });
  }
});
