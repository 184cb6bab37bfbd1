import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDomainError } from '@metrochain/errors';
import { newNonce } from './nonce';
import { PkiErrorCode } from './pki-error';
import { attestationStatement, rotationStatement } from './statements';

const OLD = 'a'.repeat(64);
const NEW = 'b'.repeat(64);
const NONCE = 'A'.repeat(43);

const isStatementInvalid = (error: unknown): boolean =>
  isDomainError(error) && error.code === PkiErrorCode.STATEMENT_INVALID;

describe('attestationStatement', () => {
  it('is the RFC 8785 canonical JSON of the challenge with its purpose', () => {
    assert.equal(
      attestationStatement({ nonce: NONCE, attester: 'PTBMSP', keyFingerprint: OLD, meterId: 'm-1' }),
      `{"attester":"PTBMSP","keyFingerprint":"${OLD}","meterId":"m-1","nonce":"${NONCE}","purpose":"metrochain/attest/v1"}`,
    );
  });

  it('accepts the widest meter id and a fresh nonce', () => {
    const meterId = `Az09._:-${'x'.repeat(120)}`;
    const nonce = newNonce();
    const text = attestationStatement({ meterId, keyFingerprint: OLD, attester: 'Org_1.MSP-x', nonce });
    assert.deepEqual(JSON.parse(text), {
      attester: 'Org_1.MSP-x',
      keyFingerprint: OLD,
      meterId,
      nonce,
      purpose: 'metrochain/attest/v1',
    });
  });

  it('refuses malformed inputs with STATEMENT_INVALID', () => {
    const good = { meterId: 'm-1', keyFingerprint: OLD, attester: 'PTBMSP', nonce: NONCE };
    const bad: Record<string, unknown>[] = [
      { meterId: '' },
      { meterId: 'bad id' },
      { meterId: 'm/1' },
      { meterId: 'x'.repeat(129) },
      { keyFingerprint: 'xyz' },
      { keyFingerprint: OLD.toUpperCase() },
      { nonce: 'short' },
      { nonce: `${'A'.repeat(42)}B` },
      { nonce: `${'A'.repeat(42)}=` },
      { nonce: 'A'.repeat(44) },
      { attester: '' },
      { attester: 'PTB MSP' },
      { purpose: 'metrochain/rotate/v1' },
      { meterId: 7 },
    ];
    for (const change of bad) {
      const input = { ...good, ...change };
      assert.throws(() => attestationStatement(input), isStatementInvalid, JSON.stringify(change));
    }
  });
});

describe('rotationStatement', () => {
  it('is the RFC 8785 canonical JSON of the rotation with its purpose', () => {
    assert.equal(
      rotationStatement({ meterId: 'm-1', oldKeyFingerprint: OLD, newKeyFingerprint: NEW, nonce: NONCE }),
      `{"meterId":"m-1","newKeyFingerprint":"${NEW}","nonce":"${NONCE}","oldKeyFingerprint":"${OLD}","purpose":"metrochain/rotate/v1"}`,
    );
  });

  it('refuses malformed inputs with STATEMENT_INVALID', () => {
    const good = { meterId: 'm-1', oldKeyFingerprint: OLD, newKeyFingerprint: NEW, nonce: NONCE };
    for (const change of [{ oldKeyFingerprint: 'old' }, { newKeyFingerprint: '' }, { keyFingerprint: OLD }]) {
      const input = { ...good, ...change } as Parameters<typeof rotationStatement>[0];
      assert.throws(() => rotationStatement(input), isStatementInvalid, JSON.stringify(change));
    }
  });
});
