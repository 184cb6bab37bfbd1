import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { synthesizeEnergyWindow, synthesizeLoopSignals } from '@metrochain/sensor-signals';
import { computeMeasurement } from './compute-measurement';
import { LR_REJECTION_CODES, type LrRejectionCode } from './lr-result';

const speed = synthesizeLoopSignals({ speedKmh: 60, noiseFraction: 0 });
const energy = { sampleRateHz: 1000, voltageV: [230, -230], currentA: [5, -5] };

/** One reading per rejection code that the LR software must refuse with exactly that code. */
const REFUSED: Record<LrRejectionCode, readonly [kind: string, payload: unknown]> = {
  KIND_UNSUPPORTED: ['pressure', energy],
  PAYLOAD_INVALID: ['speed', { ...speed, loopDistanceM: 'three' }],
  LOOP_LENGTH_MISMATCH: ['speed', { ...speed, loopA: speed.loopA.slice(1) }],
  LOOP_NOT_ACTIVATED: ['speed', { ...speed, loopA: speed.loopA.map(() => 7) }],
  LOOP_ORDER_REVERSED: ['speed', { ...speed, loopA: speed.loopB, loopB: speed.loopA }],
  SPEED_OUT_OF_RANGE: ['speed', { ...speed, sampleRateHz: 200_000 }],
  SAMPLE_COUNT_MISMATCH: ['energy', { ...energy, currentA: [5, -5, 5] }],
  SAMPLE_OUT_OF_RANGE: ['energy', { ...energy, currentA: [5, 1000.5] }],
};

describe('computeMeasurement', () => {
  it('runs the algorithm of the reading’s kind', () => {
    const speedOutcome = computeMeasurement('speed', speed);
    const energyOutcome = computeMeasurement('energy', synthesizeEnergyWindow().payload);
    assert.ok(speedOutcome.ok && speedOutcome.result.kind === 'speed');
    assert.ok(energyOutcome.ok && energyOutcome.result.kind === 'energy');
  });

  it('refuses each kind of implausible reading with its own code', () => {
    assert.deepEqual(Object.keys(REFUSED).sort(), [...LR_REJECTION_CODES].sort());
    for (const [code, [kind, payload]] of Object.entries(REFUSED)) {
      const outcome = computeMeasurement(kind, payload);
      assert.ok(!outcome.ok, `${code}: ${JSON.stringify(outcome)}`);
      assert.equal(outcome.code, code, outcome.detail);
      assert.ok(outcome.detail.length > 0);
    }
  });

  it('refuses a kind it has no algorithm for with KIND_UNSUPPORTED', () => {
    for (const kind of ['pressure', '', 'SPEED', 'ENERGY-FE', '__proto__']) {
      const outcome = computeMeasurement(kind, {});
      assert.ok(!outcome.ok && outcome.code === 'KIND_UNSUPPORTED', kind);
    }
  });

  it('never throws on garbage', () => {
    const garbage: unknown[] = [
      undefined,
      null,
      0,
      'x',
      [],
      {},
      [speed],
      { payload: speed },
      Object.create(null),
    ];
    // energy-fe garbage fails its schema before the ciphertext check.
    for (const kind of ['speed', 'energy', 'energy-fe']) {
      for (const [index, payload] of garbage.entries()) {
        const outcome = computeMeasurement(kind, payload);
        assert.ok(!outcome.ok && outcome.code === 'PAYLOAD_INVALID', `${kind}: garbage ${index}`);
      }
    }
  });
});
