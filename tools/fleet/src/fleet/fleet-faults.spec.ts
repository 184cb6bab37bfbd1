import assert from 'node:assert/strict';
import { verify } from 'node:crypto';
import { describe, it } from 'node:test';
import type { Reading } from '@metrochain/contracts';
import { signedBytes } from '../readings/signed-bytes';
import { meterKeyFromPem, newMeterKeyPem } from '../keys/meter-key';
import type { FleetFaults } from './fleet-faults';
import { type ReadingMeter, newReadingFactory } from './reading-factory';

const KEY = meterKeyFromPem(newMeterKeyPem(), 'test meter');
const T0 = Date.parse('2026-01-05T10:00:00.000Z');
const meter = (name: string, kind: 'speed' | 'energy'): ReadingMeter => ({
  meterId: `sim-0a1b2c3d-${name}`,
  kind,
  key: KEY,
});
const verifies = (reading: Reading): boolean =>
  verify('sha256', signedBytes(reading), KEY.publicKey.keyObject, Buffer.from(reading.signature, 'base64'));

function readings(faults: FleetFaults, of: ReadingMeter, count: number): Reading[] {
  const factory = newReadingFactory({
    noise: true,
    speedKmh: { min: 80, max: 80 },
    rate: 2,
    random: Math.random,
    faults,
  });
  return Array.from({ length: count }, (_, seq) => factory(of, seq, new Date(T0 + seq * 1000)).reading);
}

describe('fleet faults', () => {
  it('a stuck meter sends its first raw capture with new seqs and times, validly signed', () => {
    const sent = readings({ stuck: ['energy-0001'] }, meter('energy-0001', 'energy'), 3);
    assert.deepEqual(sent[2]?.payload, sent[0]?.payload);
    assert.deepEqual(
      sent.map((reading) => reading.seq),
      [0, 1, 2],
    );
    assert.ok(sent.every(verifies));
    const clean = readings({ stuck: ['energy-0001'] }, meter('energy-0002', 'energy'), 2);
    assert.notDeepEqual(clean[1]?.payload, clean[0]?.payload);
  });

  it('bad signatures are well-formed but do not verify', () => {
    const sent = readings(
      { badSignatures: [{ meter: 'speed-0001', fraction: 1 }] },
      meter('speed-0001', 'speed'),
      2,
    );
    assert.ok(sent.every((reading) => !verifies(reading)));
  });

  it('a drifting clock runs off by its ppm from the first reading', () => {
    const sent = readings(
      { clockDrift: [{ meter: 'speed-0001', ppm: -100_000 }] },
      meter('speed-0001', 'speed'),
      11,
    );
    assert.equal(Date.parse(sent[10]?.measuredAt ?? '') - T0, 9000);
  });
});
