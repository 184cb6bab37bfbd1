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
    it(`${JSON.stringify(load)} within 0.1 % of the truth, with and without noise`, (t) => {
      const clean = synthesizeEnergyWindow({ ...load, noiseFraction: 0 });
      const cleanError = relativeError(clean.payload, clean.truthWh);
      assert.ok(cleanError < 1e-4, String(cleanError));
      let worst = 0;
      for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
        const noisy = synthesizeEnergyWindow({ ...load, seed });
        worst = Math.max(worst, relativeError(noisy.payload, noisy.truthWh));
      }
      assert.ok(worst < 1e-3, String(worst));
      t.diagnostic(
        `relative error clean ${cleanError.toExponential(2)}, noisy worst ${worst.toExponential(2)}`,
      );
    });
  }

  it('holds for other rates, frequencies and window lengths', () => {
    for (const options of [
      { sampleRateHz: 4000, frequencyHz: 50, cycles: 50 },
      { sampleRateHz: 7680, frequencyHz: 60, cycles: 30 },
      { sampleRateHz: 100, frequencyHz: 1, cycles: 3, vrms: 12, irms: 0.5 },
    ]) {
      const { payload, truthWh } = synthesizeEnergyWindow({ ...options, seed: 3 });
      assert.ok(relativeError(payload, truthWh) < 1e-3, JSON.stringify(options));
    }
  });

  it('is deterministic: the same input gives the same bits', () => {
    const { payload } = synthesizeEnergyWindow({ irms: 7.3, phaseRad: 0.2, seed: 5 });
    assert.deepEqual(computeEnergy(JSON.parse(JSON.stringify(payload))), computeEnergy(payload));
  });

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

  it('accepts samples at the limits', () => {
    const outcome = computeEnergy({ sampleRateHz: 10, voltageV: [1000, -1000], currentA: [-1000, 1000] });
    assert.ok(outcome.ok && outcome.result.energyWh === -2_000_000 / 10 / 3600);
  });

  it('refuses implausible or malformed windows with their codes', () => {
    const base = { sampleRateHz: 1000, voltageV: [230, 231], currentA: [5, 5] };
    const cases: [unknown, string][] = [
      [{ ...base, voltageV: [5000, 5000] }, 'SAMPLE_OUT_OF_RANGE'],
      [{ ...base, currentA: [5, -2000] }, 'SAMPLE_OUT_OF_RANGE'],
      [{ ...base, voltageV: [230, 1000.001] }, 'SAMPLE_OUT_OF_RANGE'],
      [{ ...base, currentA: [5, Number.POSITIVE_INFINITY] }, 'PAYLOAD_INVALID'],
      [{ ...base, voltageV: Array.from({ length: 4097 }, () => 230) }, 'PAYLOAD_INVALID'],
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
