import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '@metrochain/errors';
import { LedgerError, type LedgerErrorCode } from '@metrochain/ledger';
import { verificationError, verificationHttpStatus } from './verification-error';

describe('verificationHttpStatus', () => {
  const cases: readonly [string, number | undefined][] = [
    ['REQUEST_INVALID', 400],
    ['SIGNATURE_MALFORMED', 422],
    ['VERIFICATION_UNKNOWN', 404],
    ['LOG_UNAVAILABLE', 503],
    // Left to the platform's table, which answers an unknown code with 500 INTERNAL.
    ['SOMETHING_ELSE', undefined],
  ];
  for (const [code, status] of cases) {
    it(`maps ${code} to ${String(status ?? 'the platform')}`, () => {
      assert.equal(verificationHttpStatus(new DomainError({ code, message: code })), status);
    });
  }

  const ledgerCodes: readonly LedgerErrorCode[] = ['LEDGER_UNAVAILABLE', 'LEDGER_TIMEOUT', 'METER_UNKNOWN'];
  for (const code of ledgerCodes) {
    it(`maps the ledger failing with ${code} to 502`, () => {
      assert.equal(verificationHttpStatus(new LedgerError({ code, message: code })), 502);
    });
  }

  it('builds request errors with their code and message, not retriable', () => {
    const error = verificationError('VERIFICATION_UNKNOWN', 'no verification x.1');
    assert.equal(error.code, 'VERIFICATION_UNKNOWN');
    assert.equal(error.message, 'no verification x.1');
    assert.equal(error.retriable, false);
  });
});
