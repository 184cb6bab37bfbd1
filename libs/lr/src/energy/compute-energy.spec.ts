import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { synthesizeEnergyWindow } from '@metrochain/sensor-signals';
import { computeEnergy } from './compute-energy';

function relativeError(payload: unknown, truthWh: number): number {
  const outcome = computeEnergy(payload);
  assert.ok(outcome.ok, JSON.stringify(outcome));
  return Math.abs(outcome.result.energyWh - truthWh) / Math.abs(truthWh);
}

describe('computeEnergy: known answers on synthetic V/I windows', () => {
  const loads = [
    { vrms: 230, irms: 5, phaseRad: 0 },
    { vrms: 230, irms: 16, phaseRad: 0.6 },
    { vrms: 120, irms: 1, phaseRad: -0.3 },
    { vrms: 230, irms: 10, phaseRad: Math.PI },
  ];
  for (const load of loads) {
    it(`${JSON.stringify(load)} within 0.1 % of the truth, with and without noise`, () => {
      const clean = synthesizeEnergyWindow({ ...load, noiseFraction: 0 });
      assert.ok(relativeError(clean.payload, clean.truthWh) < 1e-4);
      for (const seed of [1, 2, 3, 4]) {
        const noisy = synthesizeEnergyWindow({ ...load, seed });
        assert.ok(relativeError(noisy.payload, noisy.truthWh) < 1e-3);
      }
    });
  }

  it('is exact for a constant load: 230 V × 5 A for 0.1 s', () => {
    const outcome = computeEnergy({
      sampleRateHz: 1000,
      voltageV: Array.from({ length: 100 }, () => 230),
      currentA: Array.from({ length: 100 }, () => 5),
    });
    assert.ok(outcome.ok);
    assert.ok(Math.abs(outcome.result.energyWh - (230 * 5 * 0.1) / 3600) < 1e-15);
    assert.equal(outcome.result.samples, 100);
    assert.equal(outcome.result.durationS, 0.1);
  });

  it('refuses implausible or malformed windows with their codes', () => {
    const base = { sampleRateHz: 1000, voltageV: [230, 231], currentA: [5, 5] };
    const cases: [unknown, string][] = [
      [{ ...base, voltageV: [5000, 5000] }, 'SAMPLE_OUT_OF_RANGE'],
      [{ ...base, currentA: [5, -2000] }, 'SAMPLE_OUT_OF_RANGE'],
      [{ ...base, currentA: [5] }, 'PAYLOAD_INVALID'],
      [{ ...base, currentA: [5, 5, 5] }, 'SAMPLE_COUNT_MISMATCH'],
      [{ ...base, sampleRateHz: 0 }, 'PAYLOAD_INVALID'],
      [{ ...base, wh: 12 }, 'PAYLOAD_INVALID'],
    ];
    for (const [payload, code] of cases) {
      const outcome = computeEnergy(payload);
      assert.ok(
        !outcome.ok && outcome.code === code,
        `${JSON.stringify(payload)} → ${JSON.stringify(outcome)}`,
      );
    }
  });
});
