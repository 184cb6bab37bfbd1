import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { status as GrpcStatus } from '@grpc/grpc-js';
import {
  CommitError,
  CommitStatusError,
  EndorseError,
  GatewayError,
  type Status,
  StatusCode,
} from '@hyperledger/fabric-gateway';
import { DomainError } from '@metrochain/errors';
import { LedgerError } from './ledger-error';
import { FakeSubmitError, errorDetail, serviceError } from './testing/fabric-fakes';
import { toLedgerError } from './to-ledger-error';

function endorseError(code: GrpcStatus, message: string, details: string[]): EndorseError {
  return new EndorseError({
    code,
    message,
    details: details.map((detail) => errorDetail(detail)),
    cause: serviceError(code, message),
    transactionId: 'tx-endorse',
  });
}

describe('toLedgerError', () => {
  it('takes the chaincode code from the endorsement error details', () => {
    const error = toLedgerError(
      endorseError(
        GrpcStatus.ABORTED,
        '10 ABORTED: failed to endorse transaction, see attached details for more info',
        ['chaincode response 500, [ROLE_FORBIDDEN] role registrar may not approve software'],
      ),
    );
    assert.ok(error instanceof LedgerError);
    assert.ok(error instanceof DomainError);
    assert.equal(error.code, 'ROLE_FORBIDDEN');
    assert.equal(error.message, 'role registrar may not approve software');
    assert.equal(error.transactionId, 'tx-endorse');
    assert.equal(error.retriable, false);
    assert.equal(error.details['grpcStatus'], 'ABORTED');
    assert.equal(error.details['failedCall'], 'EndorseError');
  });

  it('takes the chaincode code from an evaluate error message', () => {
    const message =
      '2 UNKNOWN: evaluate call to endorser returned error: chaincode response 500, [NOT_FOUND] no version 9.9';
    const error = toLedgerError(
      new GatewayError({
        code: GrpcStatus.UNKNOWN,
        message,
        details: [],
        cause: serviceError(GrpcStatus.UNKNOWN, message),
      }),
    );
    assert.equal(error.code, 'NOT_FOUND');
    assert.equal(error.transactionId, undefined);
  });

  it('ignores bracketed words that are not chaincode codes', () => {
    const error = toLedgerError(
      endorseError(GrpcStatus.ABORTED, 'failed to endorse', ['chaincode response 500, [SOMETHING] else']),
    );
    assert.equal(error.code, 'ENDORSEMENT_POLICY_FAILURE');
  });

  it('maps endorsers that answered differently to retriable ENDORSEMENTS_DIFFER', () => {
    const error = toLedgerError(
      endorseError(GrpcStatus.ABORTED, 'failed to collect enough transaction endorsements', [
        'ProposalResponsePayloads do not match',
        'ProposalResponsePayloads do not match',
      ]),
    );
    assert.equal(error.code, 'ENDORSEMENTS_DIFFER');
    assert.equal(error.retriable, true);
  });

  it('maps an unreachable peer to retriable LEDGER_UNAVAILABLE', () => {
    const error = toLedgerError(endorseError(GrpcStatus.UNAVAILABLE, 'No connection established', []));
    assert.equal(error.code, 'LEDGER_UNAVAILABLE');
    assert.equal(error.retriable, true);
  });

  it('maps an exceeded deadline to LEDGER_TIMEOUT, which is not retriable', () => {
    const error = toLedgerError(
      new CommitStatusError({
        code: GrpcStatus.DEADLINE_EXCEEDED,
        message: 'Deadline exceeded',
        details: [],
        cause: serviceError(GrpcStatus.DEADLINE_EXCEEDED, 'Deadline exceeded'),
        transactionId: 'tx-status',
      }),
    );
    assert.equal(error.code, 'LEDGER_TIMEOUT');
    assert.equal(error.retriable, false);
    assert.equal(error.transactionId, 'tx-status');
  });

  it('maps orderer failures of a submit by gRPC status', () => {
    const make = (code: GrpcStatus): FakeSubmitError =>
      new FakeSubmitError({
        code,
        message: 'orderer',
        details: [],
        cause: serviceError(code, 'orderer'),
        transactionId: 'tx-submit',
      });
    assert.equal(toLedgerError(make(GrpcStatus.UNAVAILABLE)).code, 'LEDGER_UNAVAILABLE');
    const aborted = toLedgerError(make(GrpcStatus.ABORTED));
    assert.equal(aborted.code, 'LEDGER_ERROR');
    assert.equal(aborted.transactionId, 'tx-submit');
  });

  it('maps commit validation codes', () => {
    const commit = (code: Status['code']): LedgerError =>
      toLedgerError(new CommitError({ code, transactionId: 'tx-commit', message: 'invalid' }));
    const conflict = commit(StatusCode.MVCC_READ_CONFLICT);
    assert.equal(conflict.code, 'MVCC_READ_CONFLICT');
    assert.equal(conflict.retriable, true);
    assert.equal(conflict.transactionId, 'tx-commit');
    assert.equal(commit(StatusCode.ENDORSEMENT_POLICY_FAILURE).code, 'ENDORSEMENT_POLICY_FAILURE');
    const phantom = commit(StatusCode.PHANTOM_READ_CONFLICT);
    assert.equal(phantom.code, 'COMMIT_FAILED');
    assert.deepEqual(phantom.details, {
      validationCode: 12,
      validationStatus: 'PHANTOM_READ_CONFLICT',
      transactionId: 'tx-commit',
    });
  });

  it('passes LedgerErrors through and wraps anything else as LEDGER_ERROR', () => {
    const original = new LedgerError({ code: 'NOT_FOUND', message: 'x' });
    assert.equal(toLedgerError(original), original);
    const wrapped = toLedgerError(new TypeError('boom'));
    assert.equal(wrapped.code, 'LEDGER_ERROR');
    assert.equal(wrapped.message, 'boom');
    assert.equal(toLedgerError('text').message, 'text');
  });

  it('does not take an error for a gateway error by its name alone', () => {
    const impostor = Object.assign(new Error('[NOT_FOUND] x'), { name: 'EndorseError' });
    assert.equal(toLedgerError(impostor).code, 'LEDGER_ERROR');
  });
});
