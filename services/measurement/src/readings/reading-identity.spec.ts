import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Reading, parseReadingId, readingDigestOf, readingIdSchema } from '@metrochain/contracts';
import { identify } from './reading-identity';

// The digest itself is the contract's (see reading.spec.ts in @metrochain/contracts); here: what ingest names by it.
const READING: Reading = {
  meterId: 'meter-1',
  seq: 7,
  measuredAt: '2025-03-01T11:59:00.000Z',
  kind: 'energy',
  payload: { wh: 1200 },
  signature: 'MEUCIQDr',
};

describe('identify', () => {
  it('names a reading <meterId>~<seq>~<16 hex of the digest>, which the contract parses back', () => {
    const digest = readingDigestOf(READING);
    const { readingId, readingDigest } = identify(READING);
    assert.equal(readingDigest, digest);
    assert.equal(readingId, `meter-1~7~${digest.slice(0, 16)}`);
    assert.ok(readingIdSchema.safeParse(readingId).success);
    assert.deepEqual(parseReadingId(readingId), {
      meterId: 'meter-1',
      seq: 7,
      digestPrefix: digest.slice(0, 16),
    });
  });

  it('gives another reading reusing the seq another id, and a redelivery the same one', () => {
    const other = identify({ ...READING, payload: { wh: 1201 } });
    assert.notEqual(other.readingId, identify(READING).readingId);
    assert.equal(identify({ ...READING }).readingId, identify(READING).readingId);
  });
});
