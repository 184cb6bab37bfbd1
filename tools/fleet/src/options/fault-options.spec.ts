import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDropped } from '../fleet/fleet-faults';
import { parseRunOptions } from './run-options';

describe('fault options', () => {
  it('reads each fault as meter:value pairs, several comma-separated', () => {
    const { faults } = parseRunOptions([
      '--drop-seqs',
      'energy-0002:20-24,speed-0001:7',
      '--stuck',
      'energy-0001',
      '--speed-bias',
      'speed-0001:1.05',
      '--bad-signatures',
      'energy-0003:0.3',
      '--clock-drift',
      'speed-0005:-100',
    ]);
    assert.deepEqual(faults, {
      dropSeqs: [
        { meter: 'energy-0002', from: 20, to: 24 },
        { meter: 'speed-0001', from: 7, to: 7 },
      ],
      stuck: ['energy-0001'],
      speedBias: [{ meter: 'speed-0001', factor: 1.05 }],
      badSignatures: [{ meter: 'energy-0003', fraction: 0.3 }],
      clockDrift: [{ meter: 'speed-0005', ppm: -100 }],
    });
    assert.ok(isDropped(faults, 'sim-abc-energy-0002', 22));
    assert.ok(!isDropped(faults, 'sim-abc-energy-0002', 25));
    assert.ok(!isDropped(faults, 'sim-abc-energy-00021', 22));
  });

  it('refuses a fault without a number as USAGE', () => {
    assert.throws(() => parseRunOptions(['--speed-bias', 'speed-0001']), { code: 'USAGE' });
    assert.throws(() => parseRunOptions(['--clock-drift', 'speed-0001:fast']), { code: 'USAGE' });
  });
});
