import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { isEncodableJson } from '../../encoding/encodable-json';
import {
  MAX_PAYLOAD_DEPTH,
  type Reading,
  digestOfSignedText,
  readingDigestOf,
  readingSchema,
  signedTextOf,
} from './reading';

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

/** A payload of `levels` arrays inside each other around one number. */
function nested(levels: number): Record<string, unknown> {
  let value: unknown = 1;
  for (let level = 0; level < levels; level += 1) {
    value = [value];
  }
  return { samples: value };
}

describe('readingSchema payload', () => {
  const withPayload = (payload: unknown): unknown => ({ ...READING, signature: 'MEUCIQDr', payload });

  it('takes the nesting of real payloads and up to the limit', () => {
    assert.ok(readingSchema.safeParse(READING).success);
    assert.ok(readingSchema.safeParse(withPayload(nested(MAX_PAYLOAD_DEPTH - 1))).success);
  });

  it('refuses deeper nesting, which would exhaust the canonical encoder’s stack, without exhausting its own', () => {
    assert.equal(readingSchema.safeParse(withPayload(nested(MAX_PAYLOAD_DEPTH))).success, false);
    assert.equal(isEncodableJson(nested(200_000), MAX_PAYLOAD_DEPTH), false);
  });

  it('refuses numbers JSON cannot hold (1e309 parses to Infinity)', () => {
    const parsed = JSON.parse('{"voltageV":[230,1e309]}') as Record<string, unknown>;
    assert.equal(readingSchema.safeParse(withPayload(parsed)).success, false);
    assert.equal(isEncodableJson({ a: { b: NaN } }, MAX_PAYLOAD_DEPTH), false);
    assert.ok(isEncodableJson({ a: [-0, 1e308, 'x', null, true] }, MAX_PAYLOAD_DEPTH));
  });
});
