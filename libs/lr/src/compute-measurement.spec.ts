import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { synthesizeEnergyWindow, synthesizeLoopSignals } from '@metrochain/sensor-signals';
import { computeMeasurement } from './compute-measurement';
import { LR_FINGERPRINT } from './fingerprint/lr-fingerprint';

describe('computeMeasurement', () => {
  it('runs the algorithm of the reading’s kind', () => {
    const speed = computeMeasurement('speed', synthesizeLoopSignals({ speedKmh: 50 }));
    const energy = computeMeasurement('energy', synthesizeEnergyWindow().payload);
    assert.ok(speed.ok && speed.result.kind === 'speed');
    assert.ok(energy.ok && energy.result.kind === 'energy');
  });

  it('refuses a kind it has no algorithm for with KIND_UNSUPPORTED, without throwing', () => {
    for (const kind of ['energy-fe', 'pressure', '']) {
      const outcome = computeMeasurement(kind, {});
      assert.ok(!outcome.ok && outcome.code === 'KIND_UNSUPPORTED');
    }
    const garbage = computeMeasurement('speed', null);
    assert.ok(!garbage.ok && garbage.code === 'PAYLOAD_INVALID');
  });
});

describe('LR_FINGERPRINT', () => {
  it('is a SHA-256 in lowercase hex', () => {
    assert.match(LR_FINGERPRINT, /^[0-9a-f]{64}$/);
  });
});
