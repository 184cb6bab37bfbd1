import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { type Reading, digestOfSignedText, readingDigestOf, signedTextOf } from './reading';

// Fields deliberately out of canonical order; the signature is not checked here, only left out.
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

describe('signedTextOf', () => {
  it('is the RFC 8785 canonical JSON of the reading without its signature, signed or not', () => {
    assert.equal(signedTextOf(READING), SIGNED_TEXT);
    const unsigned: Partial<Reading> = { ...READING };
    delete unsigned.signature;
    assert.equal(signedTextOf(unsigned as Omit<Reading, 'signature'>), SIGNED_TEXT);
  });

  it('does not change the reading', () => {
    const reading = { ...READING };
    signedTextOf(reading);
    assert.deepEqual(reading, READING);
  });
});

describe('readingDigestOf', () => {
  it('is the SHA-256 of the signed text, whatever the signature', () => {
    assert.equal(readingDigestOf(READING), DIGEST);
    assert.equal(readingDigestOf({ ...READING, signature: 'AAAA' }), DIGEST);
    assert.equal(digestOfSignedText(SIGNED_TEXT), DIGEST);
  });
});
