import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ArgumentsHost } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import { DomainError } from '@metrochain/errors';
import { LedgerError, type LedgerErrorCode } from '@metrochain/ledger';
import { DomainErrorFilter, httpStatusOf } from './domain-error.filter';

const ledger = (code: LedgerErrorCode): LedgerError => new LedgerError({ code, message: code });
const local = (code: string): DomainError => new DomainError({ code, message: code });

describe('httpStatusOf', () => {
  const ledgerCases: readonly [LedgerErrorCode, number][] = [
    ['SIGNATURE_INVALID', 422],
    ['SIGNATURE_MALFORMED', 422],
    ['KEY_INVALID', 422],
    ['INVALID_ARGUMENT', 422],
    ['ALREADY_ATTESTED', 409],
    ['NONCE_REUSED', 409],
    ['METER_REVOKED', 409],
    ['METER_NOT_ACTIVE', 409],
    ['KEY_MISMATCH', 409],
    ['MODEL_MISMATCH', 409],
    ['ROLE_FORBIDDEN', 403],
    ['METER_UNKNOWN', 404],
    ['MODEL_NOT_APPROVED', 502],
    ['LEDGER_UNAVAILABLE', 502],
    ['LEDGER_TIMEOUT', 502],
  ];
  for (const [code, status] of ledgerCases) {
    it(`maps ledger ${code} to ${String(status)}`, () => {
      assert.equal(httpStatusOf(ledger(code)), status);
    });
  }

  const localCases: readonly [string, number][] = [
    ['REQUEST_INVALID', 400],
    ['KEY_INVALID', 400],
    ['CHALLENGE_UNKNOWN', 410],
    ['METER_NOT_ACTIVE', 409],
    ['METER_REVOKED', 409],
    ['KEY_REUSED', 409],
    ['SOMETHING_ELSE', 500],
  ];
  for (const [code, status] of localCases) {
    it(`maps request error ${code} to ${String(status)}`, () => {
      assert.equal(httpStatusOf(local(code)), status);
    });
  }
});

describe('DomainErrorFilter', () => {
  it('replies with the mapped status and {code, message} only', () => {
    const replies: { body: unknown; status: number | undefined }[] = [];
    const adapterHost = {
      httpAdapter: {
        reply: (_response: unknown, body: unknown, status?: number) => replies.push({ body, status }),
      },
    } as unknown as HttpAdapterHost;
    const host = { switchToHttp: () => ({ getResponse: () => ({}) }) } as unknown as ArgumentsHost;
    const error = new DomainError({ code: 'CHALLENGE_UNKNOWN', message: 'gone', details: { secret: 1 } });
    new DomainErrorFilter(adapterHost).catch(error, host);
    assert.deepEqual(replies, [{ body: { code: 'CHALLENGE_UNKNOWN', message: 'gone' }, status: 410 }]);
  });
});
