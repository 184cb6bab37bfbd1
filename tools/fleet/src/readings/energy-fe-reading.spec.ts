import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { readingSchema } from '@metrochain/contracts';
import { feLabel } from '@metrochain/fe';
import { verifySignature } from '@metrochain/pki';
import { householdLoadWh } from '../fe/load-profile';
import { meterKeyFromPem, newMeterKeyPem } from '../keys/meter-key';
import { FAKE_CIPHERTEXT, fakeEncrypt, type FeCall } from '../testing/fake-fe';
import { buildEnergyFeReading } from './energy-fe-reading';
import { readingTruthSchema } from './reading-truth';
import { signReading } from './sign-reading';
import { signedBytes } from './signed-bytes';

/**
 * libs/lr's energyFePayloadSchema, restated: a tool may not depend on the LR software (Nx module boundaries), and
 * a copy here checks the fleet against the LR's rules independently of the fleet's code.
 */
const lrPayloadSchema = z
  .object({
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    slot: z.number().int().min(0).max(95),
    ciphertext: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
  })
  .strict();

const METER_ID = 'sim-0a1b2c3d-energy-fe-0001';
const SEED = new Uint8Array(32).fill(9);
const AT = { day: '2026-02-03', slot: 37 };

describe('buildEnergyFeReading', () => {
  it("encrypts the slot's true Wh under the label of the meter's day; the truth keeps the Wh", () => {
    const calls: FeCall[] = [];
    const measuredAt = new Date('2026-03-10T05:07:00.000Z');
    const { reading, truth } = buildEnergyFeReading({
      meterId: METER_ID,
      seq: 4,
      measuredAt,
      at: AT,
      seed: SEED,
      encrypt: fakeEncrypt(calls),
    });
    const trueWh = householdLoadWh(METER_ID, AT);
    assert.deepEqual(reading, {
      meterId: METER_ID,
      seq: 4,
      measuredAt: '2026-03-10T05:07:00.000Z',
      kind: 'energy-fe',
      payload: { day: '2026-02-03', slot: 37, ciphertext: FAKE_CIPHERTEXT },
    });
    assert.deepEqual(calls, [{ seed: SEED, label: feLabel(METER_ID, AT.day), slot: 37, valueWh: trueWh }]);
    assert.deepEqual(truth, { kind: 'energy-fe', meterId: METER_ID, seq: 4, day: AT.day, slot: 37, trueWh });
    assert.equal(readingTruthSchema.safeParse(truth).success, true);
    assert.equal(JSON.stringify(reading).includes(Buffer.from(SEED).toString('base64')), false, 'no seed');
  });

  it('signed, passes the ingest schema and the LR payload shape, and verifies over the canonical bytes', () => {
    const key = meterKeyFromPem(newMeterKeyPem(), 'test');
    const { reading } = buildEnergyFeReading({
      meterId: METER_ID,
      seq: 0,
      measuredAt: new Date('2026-03-10T05:07:00.000Z'),
      at: { day: '2026-02-01', slot: 0 },
      seed: SEED,
      encrypt: fakeEncrypt(),
    });
    const signed = signReading(reading, key.privateKey);
    assert.equal(readingSchema.safeParse(signed).success, true);
    assert.equal(lrPayloadSchema.safeParse(signed.payload).success, true);
    assert.equal(verifySignature(key.publicKey, signedBytes(signed), signed.signature), true);
  });
});
