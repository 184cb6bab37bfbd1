import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { synthesizeEnergyWindow } from './energy-window';
import { synthesizeLoopSignals } from './loop-signals';
import { gaussian, seededRandom } from './prng';

describe('seededRandom and gaussian', () => {
  it('repeat for a seed and differ between seeds', () => {
    const first = Array.from({ length: 5 }, seededRandom(7));
    assert.deepEqual(Array.from({ length: 5 }, seededRandom(7)), first);
    assert.notDeepEqual(Array.from({ length: 5 }, seededRandom(8)), first);
    assert.ok(first.every((value) => value >= 0 && value < 1));
  });

  it('gives standard normal samples', () => {
    const next = gaussian(seededRandom(3));
    const values = Array.from({ length: 20_000 }, next);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
    assert.ok(Math.abs(mean) < 0.03, String(mean));
    assert.ok(Math.abs(variance - 1) < 0.05, String(variance));
  });
});

describe('synthesizeLoopSignals', () => {
  it('keeps a few hundred samples between the loops and under 4,096 per loop over 5–250 km/h', () => {
    for (const speedKmh of [5, 60, 250]) {
      const payload = synthesizeLoopSignals({ speedKmh });
      const deltaSamples = (3 / (speedKmh / 3.6)) * payload.sampleRateHz;
      assert.ok(Math.abs(deltaSamples - 800) < 2, String(deltaSamples));
      assert.equal(payload.loopA.length, payload.loopB.length);
      assert.ok(payload.loopA.length <= 4096 && payload.loopA.every(Number.isInteger));
    }
  });

  it('is reproducible for a seed', () => {
    assert.deepEqual(
      synthesizeLoopSignals({ speedKmh: 80, seed: 5 }),
      synthesizeLoopSignals({ speedKmh: 80, seed: 5 }),
    );
  });
});

describe('synthesizeEnergyWindow', () => {
  it('gives whole cycles and the truth Vrms·Irms·cos φ·T', () => {
    const { payload, truthWh } = synthesizeEnergyWindow({ vrms: 230, irms: 10, phaseRad: 0.5, cycles: 10 });
    assert.equal(payload.voltageV.length, 200);
    assert.equal(payload.currentA.length, 200);
    assert.ok(Math.abs(truthWh - (230 * 10 * Math.cos(0.5) * 0.2) / 3600) < 1e-12);
  });
});
