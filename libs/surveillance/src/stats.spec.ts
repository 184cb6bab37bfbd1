import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededRandom } from './prng';
import { entropyBits, median, poissonUpperQuantile, robustSigma, theilSen } from './stats';

describe('surveillance statistics', () => {
  it('median of odd and even counts, NaN of none', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.ok(Number.isNaN(median([])));
  });

  it('robustSigma estimates σ of a normal sample', () => {
    const random = seededRandom(7);
    const sample = Array.from({ length: 20_000 }, () => 3 * random.normal());
    assert.ok(Math.abs(robustSigma(sample) - 3) < 0.1);
  });

  it('Theil–Sen recovers a line despite 20 % outliers above it', () => {
    const xs = Array.from({ length: 50 }, (_, i) => i * 60_000);
    const ys = xs.map((x, i) => 5 + 1e-4 * x + (i % 5 === 0 ? 400 : 0));
    const { slope, intercept } = theilSen(xs, ys);
    assert.ok(Math.abs(slope - 1e-4) < 1e-9);
    assert.ok(Math.abs(intercept - 5) < 1e-6);
  });

  it('entropy: 0 bit for one value, 1 bit for two equally often, 6 bit for 64 distinct', () => {
    assert.equal(entropyBits([1, 1, 1]), 0);
    assert.equal(entropyBits([1, 2, 1, 2]), 1);
    assert.equal(entropyBits(Array.from({ length: 64 }, (_, i) => i)), 6);
  });

  it('Poisson upper quantile: P(N > q) < tail ≤ P(N > q − 1)', () => {
    assert.equal(poissonUpperQuantile(20, 1e-6), 45);
    assert.equal(poissonUpperQuantile(1, 0.5), 1);
    assert.ok(poissonUpperQuantile(10_000, 1e-6) > 10_400);
  });
});
