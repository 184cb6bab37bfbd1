import assert from 'node:assert/strict';
import { createHash, verify } from 'node:crypto';
import { describe, it } from 'node:test';
import { parseReadingId, readingSchema } from '@metrochain/contracts';
import { verifySignature } from '@metrochain/pki';
import { TEST_KEY } from '../testing/sample-readings';
import { signReading } from './sign-reading';
import { readingDigest, readingIdOf, signedBytes } from './signed-bytes';

const UNSIGNED = {
  meterId: 'sim-0a1b2c3d-energy-0001',
  seq: 7,
  measuredAt: '2026-01-05T10:00:00.000Z',
  kind: 'energy' as const,
  payload: { z: [1, 2.5], a: { y: 'é', b: 1e21 } },
};

describe('signReading', () => {
  it('signs the RFC 8785 JSON of the reading without its signature (ECDSA-P256-SHA256, DER, base64)', () => {
    const reading = signReading(UNSIGNED, TEST_KEY.privateKey);
    assert.equal(readingSchema.safeParse(reading).success, true);
    const canonical =
      '{"kind":"energy","measuredAt":"2026-01-05T10:00:00.000Z","meterId":"sim-0a1b2c3d-energy-0001",' +
      '"payload":{"a":{"b":1e+21,"y":"é"},"z":[1,2.5]},"seq":7}';
    assert.equal(signedBytes(reading).toString('utf8'), canonical);
    assert.equal(signedBytes(UNSIGNED).toString('utf8'), canonical);
    const der = Buffer.from(reading.signature, 'base64');
    assert.equal(der[0], 0x30, 'a DER SEQUENCE');
    assert.equal(verify('sha256', Buffer.from(canonical), TEST_KEY.publicKey, der), true);
    const pem = TEST_KEY.publicKey.export({ format: 'pem', type: 'spki' }).toString();
    assert.equal(verifySignature(pem, canonical, reading.signature), true);
  });

  it('does not verify once the reading changed', () => {
    const reading = signReading(UNSIGNED, TEST_KEY.privateKey);
    const tampered = { ...reading, seq: 8 };
    const der = Buffer.from(reading.signature, 'base64');
    assert.equal(verify('sha256', signedBytes(tampered), TEST_KEY.publicKey, der), false);
  });

  it("gives the ingest API's reading id: meter, seq and 16 hex of the SHA-256 of the signed bytes", () => {
    const reading = signReading(UNSIGNED, TEST_KEY.privateKey);
    const digest = createHash('sha256').update(signedBytes(reading)).digest('hex');
    assert.equal(readingDigest(reading), digest);
    assert.deepEqual(parseReadingId(readingIdOf(reading)), {
      meterId: UNSIGNED.meterId,
      seq: 7,
      digestPrefix: digest.slice(0, 16),
    });
    // ECDSA signatures differ each time; the id does not depend on them.
    assert.equal(readingIdOf(signReading(UNSIGNED, TEST_KEY.privateKey)), readingIdOf(reading));
  });
});
