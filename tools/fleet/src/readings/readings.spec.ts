import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { readingSchema } from '@metrochain/contracts';
import { verifySignature } from '@metrochain/pki';
import { meterKeyFromPem, newMeterKeyPem } from '../keys/meter-key';
import { buildEnergyReading } from './energy-reading';
import { signReading } from './sign-reading';
import { signedBytes } from './signed-bytes';
import { buildSpeedReading } from './speed-reading';

const AT = new Date('2026-01-05T10:00:00.000Z');

describe('buildSpeedReading', () => {
  const input = { meterId: 'sim-0a1b2c3d-speed-0001', seq: 3, measuredAt: AT, trueSpeedKmh: 87.5, seed: 42 };

  it('carries both loops and the hash of the plate picture, with the truth beside it', () => {
    const { reading, truth, plateImage } = buildSpeedReading({ ...input, noise: true });
    assert.deepEqual(
      [reading.meterId, reading.seq, reading.measuredAt, reading.kind],
      [input.meterId, 3, '2026-01-05T10:00:00.000Z', 'speed'],
    );
    const payload = reading.payload as { loopA: number[]; loopB: number[]; plateImageSha256: string };
    assert.equal(payload.loopA.length, payload.loopB.length);
    assert.ok(payload.loopA.length >= 16);
    assert.equal(payload.plateImageSha256, createHash('sha256').update(plateImage).digest('hex'));
    assert.deepEqual(truth, {
      kind: 'speed',
      meterId: input.meterId,
      seq: 3,
      trueSpeedKmh: 87.5,
      plateImageSha256: payload.plateImageSha256,
    });
    assert.ok(plateImage.subarray(0, 2).equals(Buffer.from('P5')));
  });

  it('is pure: one input, one reading; noise and seed change the samples', () => {
    const noisy = buildSpeedReading({ ...input, noise: true });
    assert.deepEqual(buildSpeedReading({ ...input, noise: true }).reading, noisy.reading);
    assert.notDeepEqual(buildSpeedReading({ ...input, noise: false }).reading.payload, noisy.reading.payload);
    assert.notDeepEqual(
      buildSpeedReading({ ...input, noise: true, seed: 43 }).reading.payload,
      noisy.reading.payload,
    );
  });
});

describe('buildEnergyReading', () => {
  it('carries voltage and current over whole cycles; the truth is Vrms·Irms·cos φ·T', () => {
    const { reading, truth } = buildEnergyReading({
      meterId: 'sim-0a1b2c3d-energy-0001',
      seq: 0,
      measuredAt: AT,
      vrms: 230,
      irms: 10,
      phaseRad: 0,
      cycles: 25,
      noise: false,
      seed: 1,
    });
    const payload = reading.payload as { sampleRateHz: number; voltageV: number[]; currentA: number[] };
    assert.equal(reading.kind, 'energy');
    assert.equal(payload.voltageV.length, payload.currentA.length);
    const durationS = payload.voltageV.length / payload.sampleRateHz;
    assert.equal(durationS, 0.5);
    assert.equal(truth.kind, 'energy');
    assert.ok(Math.abs(truth.trueEnergyWh - (230 * 10 * 0.5) / 3600) < 1e-9);
    const sumWh =
      payload.voltageV.reduce((sum, volts, n) => sum + volts * (payload.currentA[n] ?? 0), 0) /
      payload.sampleRateHz /
      3600;
    assert.ok(Math.abs(sumWh - truth.trueEnergyWh) / truth.trueEnergyWh < 1e-3);
  });
});

describe('a built reading, signed', () => {
  it('passes the ingest schema and verifies against the meter key over the canonical bytes', () => {
    const key = meterKeyFromPem(newMeterKeyPem(), 'test');
    const { reading } = buildSpeedReading({
      meterId: 'm-1',
      seq: 0,
      measuredAt: AT,
      trueSpeedKmh: 50,
      noise: true,
      seed: 7,
    });
    const signed = signReading(reading, key.privateKey);
    assert.equal(readingSchema.safeParse(signed).success, true);
    assert.equal(verifySignature(key.publicKey, signedBytes(signed), signed.signature), true);
  });
});
