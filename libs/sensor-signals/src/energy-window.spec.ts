import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_ENERGY_NOISE_FRACTION, synthesizeEnergyWindow } from './energy-window';

/** ∫ v·i dt over the window by the midpoint rule on a fine grid, in Wh. */
function integratedWh(
  vrms: number,
  irms: number,
  phase: number,
  frequency: number,
  durationS: number,
): number {
  const steps = 200_000;
  const dt = durationS / steps;
  let joules = 0;
  for (let step = 0; step < steps; step += 1) {
    const t = (step + 0.5) * dt;
    const angle = 2 * Math.PI * frequency * t;
    joules += 2 * vrms * irms * Math.sin(angle) * Math.sin(angle - phase) * dt;
  }
  return joules / 3600;
}

describe('synthesizeEnergyWindow', () => {
  it('gives whole cycles and the truth Vrms·Irms·cos φ·T', () => {
    const { payload, truthWh } = synthesizeEnergyWindow({ vrms: 230, irms: 10, phaseRad: 0.5, cycles: 10 });
    assert.equal(payload.sampleRateHz, 1000);
    assert.equal(payload.voltageV.length, 200);
    assert.equal(payload.currentA.length, 200);
    assert.ok(Math.abs(truthWh - (230 * 10 * Math.cos(0.5) * 0.2) / 3600) < 1e-12);
  });

  it('gives the exact integral for a window that is not whole cycles', () => {
    const { payload, truthWh } = synthesizeEnergyWindow({
      vrms: 120,
      irms: 3,
      phaseRad: 1,
      frequencyHz: 60,
      cycles: 2.3,
    });
    const durationS = payload.voltageV.length / payload.sampleRateHz;
    const expected = integratedWh(120, 3, 1, 60, durationS);
    assert.ok(Math.abs(truthWh - expected) < 1e-9 * Math.abs(expected), `${truthWh} vs ${expected}`);
  });

  it('keeps the decimals asked for, like an ADC', () => {
    const { payload } = synthesizeEnergyWindow({ decimals: 2 });
    for (const value of [...payload.voltageV, ...payload.currentA]) {
      assert.equal(value, Math.round(value * 100) / 100);
    }
  });

  it('adds the default noise, reproducibly for a seed', () => {
    const clean = synthesizeEnergyWindow({ noiseFraction: 0, decimals: 9 }).payload.voltageV;
    const noisy = synthesizeEnergyWindow({ seed: 9, decimals: 9 }).payload.voltageV;
    const residuals = noisy.map((value, index) => value - (clean[index] ?? 0));
    const rms = Math.sqrt(residuals.reduce((sum, value) => sum + value * value, 0) / residuals.length);
    const expected = DEFAULT_ENERGY_NOISE_FRACTION * Math.SQRT2 * 230;
    assert.ok(Math.abs(rms - expected) < 0.15 * expected, `${rms} vs ${expected}`);
    assert.deepEqual(synthesizeEnergyWindow({ seed: 9 }), synthesizeEnergyWindow({ seed: 9 }));
    assert.notDeepEqual(synthesizeEnergyWindow({ seed: 9 }), synthesizeEnergyWindow({ seed: 10 }));
  });

  it('refuses a window without samples', () => {
    assert.throws(() => synthesizeEnergyWindow({ cycles: 0 }), RangeError);
  });
});
