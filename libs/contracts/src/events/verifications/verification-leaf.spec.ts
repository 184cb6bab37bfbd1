import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EVENT_SAMPLES } from '../event-samples';
import { verificationLeafBytes, verificationLeafJson } from './verification-leaf';

describe('verificationLeafJson', () => {
  it("is the same text whatever the order of the record's fields", () => {
    const record = EVENT_SAMPLES['verifications.v1'].value;
    const reversed = Object.fromEntries(Object.entries(record).reverse()) as typeof record;
    assert.equal(verificationLeafJson(reversed), verificationLeafJson(record));
    assert.ok(verificationLeafJson(record).startsWith('{"'));
  });

  it('gives the UTF-8 bytes of that text as the leaf', () => {
    assert.deepEqual(
      verificationLeafBytes('{"a":"é"}'),
      Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0xa9, 0x22, 0x7d]),
    );
  });
});
