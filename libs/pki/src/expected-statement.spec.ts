import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '@metrochain/errors';
import { newNonce } from './nonce';
import { attestationStatement, rotationStatement } from './statements';
import { expectAttestationStatement, expectRotationStatement } from './expected-statement';

const KEY = 'a'.repeat(64);
const OTHER_KEY = 'b'.repeat(64);
const refused = (pattern: RegExp) => (error: unknown) =>
  error instanceof DomainError && error.code === 'STATEMENT_UNEXPECTED' && pattern.test(error.message);

describe('expectAttestationStatement', () => {
  const fields = { meterId: 'm-1', keyFingerprint: KEY, attester: 'PTBMSP', nonce: newNonce() };
  const statement = attestationStatement(fields);

  it('accepts the canonical challenge for this meter and key and returns its fields', () => {
    assert.deepEqual(expectAttestationStatement(statement, { meterId: 'm-1', keyFingerprint: KEY }), fields);
    assert.deepEqual(expectAttestationStatement(statement, { keyFingerprint: KEY }), fields);
  });

  it('refuses to sign for another meter or key, another purpose, or text that is no canonical statement', () => {
    assert.throws(
      () => expectAttestationStatement(statement, { meterId: 'm-2', keyFingerprint: KEY }),
      refused(/meter/),
    );
    assert.throws(() => expectAttestationStatement(statement, { keyFingerprint: OTHER_KEY }), refused(/key/));
    const rotation = rotationStatement({
      meterId: 'm-1',
      oldKeyFingerprint: KEY,
      newKeyFingerprint: OTHER_KEY,
      nonce: fields.nonce,
    });
    assert.throws(() => expectAttestationStatement(rotation, { keyFingerprint: KEY }), refused(/purpose/));
    const reordered = JSON.stringify({ ...fields, purpose: 'metrochain/attest/v1' });
    assert.throws(() => expectAttestationStatement(reordered, { keyFingerprint: KEY }), refused(/canonical/));
    const extra = attestationStatement(fields).replace('{', '{"amount":100,');
    assert.throws(() => expectAttestationStatement(extra, { keyFingerprint: KEY }), refused(/malformed/));
    assert.throws(
      () => expectAttestationStatement('pay 100 EUR', { keyFingerprint: KEY }),
      refused(/not JSON/),
    );
    assert.throws(() => expectAttestationStatement('[1]', { keyFingerprint: KEY }), refused(/object/));
  });
});

describe('expectRotationStatement', () => {
  const fields = { meterId: 'm-1', oldKeyFingerprint: KEY, newKeyFingerprint: OTHER_KEY, nonce: newNonce() };
  const statement = rotationStatement(fields);
  const expected = { meterId: 'm-1', oldKeyFingerprint: KEY, newKeyFingerprint: OTHER_KEY };

  it('accepts the rotation of this meter from the old to the new key', () => {
    assert.deepEqual(expectRotationStatement(statement, expected), fields);
  });

  it('refuses swapped keys and another meter', () => {
    const swapped = { ...expected, oldKeyFingerprint: OTHER_KEY, newKeyFingerprint: KEY };
    assert.throws(() => expectRotationStatement(statement, swapped), refused(/old key/));
    assert.throws(
      () => expectRotationStatement(statement, { ...expected, meterId: 'm-9' }),
      refused(/meter/),
    );
  });
});
