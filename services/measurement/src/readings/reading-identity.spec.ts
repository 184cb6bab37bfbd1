import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { type Reading, parseReadingId, readingIdSchema } from '@metrochain/contracts';
import { identify } from './reading-identity';

// Fields deliberately out of canonical order; the signature is not checked here, only excluded.
const READING: Reading = {
  seq: 7,
  meterId: 'meter-1',
  payload: { wh: 1200, phases: [1, 2, 3] },
  measuredAt: '2025-03-01T11:59:00.000Z',
  kind: 'energy',
  signature: 'MEUCIQDr',
};
const SIGNED_TEXT =
  '{"kind":"energy","measuredAt":"2025-03-01T11:59:00.000Z","meterId":"meter-1","payload":{"phases":[1,2,3],"wh":1200},"seq":7}';
const DIGEST = createHash('sha256').update(SIGNED_TEXT).digest('hex');

describe('identify', () => {
  it('names a reading <meterId>~<seq>~<16 hex of the digest>, which the contract parses back', () => {
    const { readingId, readingDigest } = identify(READING);
    assert.equal(readingDigest, DIGEST);
    assert.equal(readingId, `meter-1~7~${DIGEST.slice(0, 16)}`);
    assert.ok(readingIdSchema.safeParse(readingId).success);
    assert.deepEqual(parseReadingId(readingId), {
      meterId: 'meter-1',
      seq: 7,
      digestPrefix: DIGEST.slice(0, 16),
    });
  });

  it('gives another reading reusing the seq another id', () => {
    const other = identify({ ...READING, payload: { wh: 1201, phases: [1, 2, 3] } });
    assert.notEqual(other.readingId, identify(READING).readingId);
  });
});
