import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HttpStatus } from '@nestjs/common';
import { LedgerError } from '@metrochain/ledger';
import { registrationHttpStatus } from './registration-http-status';
import { registrationError } from './registration-error';

const ledger = (code: ConstructorParameters<typeof LedgerError>[0]['code']): LedgerError =>
  new LedgerError({ code, message: code });

describe('registrationHttpStatus', () => {
  it('answers 503 when the ledger may accept the same request later: the peers unreachable, a conflict', () => {
    for (const code of ['LEDGER_UNAVAILABLE', 'MVCC_READ_CONFLICT', 'ENDORSEMENTS_DIFFER'] as const) {
      assert.equal(registrationHttpStatus(ledger(code)), HttpStatus.SERVICE_UNAVAILABLE, code);
    }
  });

  it('keeps 502 for ledger failures that trying again cannot heal or that may still commit', () => {
    for (const code of [
      'LEDGER_TIMEOUT',
      'COMMIT_FAILED',
      'ENDORSEMENT_POLICY_FAILURE',
      'LEDGER_ERROR',
    ] as const) {
      assert.equal(registrationHttpStatus(ledger(code)), HttpStatus.BAD_GATEWAY, code);
    }
  });

  it('maps the chaincode refusals and the service codes as before', () => {
    assert.equal(registrationHttpStatus(ledger('ALREADY_ATTESTED')), HttpStatus.CONFLICT);
    assert.equal(registrationHttpStatus(registrationError('CHALLENGE_UNKNOWN', 'gone')), HttpStatus.GONE);
  });
});
