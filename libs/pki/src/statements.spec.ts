import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDomainError } from '@metrochain/errors';
import { newNonce } from './nonce';
import { attestationStatement, rotationStatement } from './statements';

const FP = 'a'.repeat(64);

describe('PKI statements', () => {
  it('are RFC 8785 canonical JSON with their purpose', () => {
    const nonce = 'A'.repeat(43);
    assert.equal(
      attestationStatement({ meterId: 'm-1', keyFingerprint: FP, attester: 'PTBMSP', nonce }),
      `{"attester":"PTBMSP","keyFingerprint":"${FP}","meterId":"m-1","nonce":"${nonce}","purpose":"metrochain/attest/v1"}`,
    );
    assert.equal(
      rotationStatement({ meterId: 'm-1', oldKeyFingerprint: FP, newKeyFingerprint: 'b'.repeat(64), nonce }),
      `{"meterId":"m-1","newKeyFingerprint":"${'b'.repeat(64)}","nonce":"${nonce}","oldKeyFingerprint":"${FP}","purpose":"metrochain/rotate/v1"}`,
    );
  });

  it('refuse malformed inputs with STATEMENT_INVALID', () => {
    const good = { meterId: 'm-1', keyFingerprint: FP, attester: 'PTBMSP', nonce: newNonce() };
    for (const bad of [
      { meterId: 'bad id' },
      { keyFingerprint: 'xyz' },
      { nonce: 'short' },
      { attester: '' },
    ]) {
      assert.throws(
        () => attestationStatement({ ...good, ...bad }),
        (error: unknown) => isDomainError(error) && error.code === 'STATEMENT_INVALID',
      );
    }
  });

  it('issues 32-byte base64url nonces that differ', () => {
    const a = newNonce();
    assert.match(a, /^[A-Za-z0-9_-]{43}$/);
    assert.notEqual(a, newNonce());
  });
});
