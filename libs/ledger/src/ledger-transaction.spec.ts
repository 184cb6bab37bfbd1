import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { status as GrpcStatus } from '@grpc/grpc-js';
import {
  EndorseError,
  type ProposalOptions,
  type Status,
  StatusCode,
  type SubmittedTransaction,
} from '@hyperledger/fabric-gateway';
import { LedgerError } from './ledger-error';
import { evaluateTransaction, submitTransaction } from './ledger-transaction';
import { errorDetail, serviceError, submittedTransaction } from './testing/fabric-fakes';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

function contractReturning(submitted: SubmittedTransaction): {
  calls: [string, ProposalOptions | undefined][];
  submitAsync: (name: string, options?: ProposalOptions) => Promise<SubmittedTransaction>;
} {
  const calls: [string, ProposalOptions | undefined][] = [];
  return {
    calls,
    submitAsync: (name, options) => {
      calls.push([name, options]);
      return Promise.resolve(submitted);
    },
  };
}

async function rejection(promise: Promise<unknown>): Promise<LedgerError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof LedgerError);
    return error;
  }
  assert.fail('expected a rejection');
}

describe('submitTransaction', () => {
  it('returns the result with the transaction id and block of its commit', async () => {
    const contract = contractReturning(
      submittedTransaction(bytes('{"ok":true}'), { transactionId: 'tx-9', blockNumber: 42n }),
    );
    const submitted = await submitTransaction(contract, 'approve', ['a', bytes('b')]);
    assert.deepEqual(submitted, { result: bytes('{"ok":true}'), transactionId: 'tx-9', blockNumber: 42n });
    assert.deepEqual(contract.calls, [['approve', { arguments: ['a', bytes('b')] }]]);
  });

  it('passes transient data and endorsing organisations when given, and nothing else when not', async () => {
    const contract = contractReturning(submittedTransaction(bytes('{}')));
    await submitTransaction(contract, 'compute', ['{}'], {
      transientData: { functionalKey: 'k' },
      endorsingOrganizations: ['PTBMSP', 'LNEMSP'],
    });
    await submitTransaction(contract, 'compute', ['{}'], {});
    assert.deepEqual(contract.calls, [
      [
        'compute',
        {
          arguments: ['{}'],
          transientData: { functionalKey: 'k' },
          endorsingOrganizations: ['PTBMSP', 'LNEMSP'],
        },
      ],
      ['compute', { arguments: ['{}'] }],
    ]);
  });

  const invalid: [Status['code'], string][] = [
    [StatusCode.MVCC_READ_CONFLICT, 'MVCC_READ_CONFLICT'],
    [StatusCode.ENDORSEMENT_POLICY_FAILURE, 'ENDORSEMENT_POLICY_FAILURE'],
    [StatusCode.INVALID_OTHER_REASON, 'COMMIT_FAILED'],
  ];
  for (const [validationCode, code] of invalid) {
    it(`fails with ${code} when the transaction commits with validation code ${String(validationCode)}`, async () => {
      const status = { successful: false, code: validationCode, transactionId: 'tx-bad' };
      const error = await rejection(
        submitTransaction(contractReturning(submittedTransaction(bytes('{}'), status)), 'approve'),
      );
      assert.equal(error.code, code);
      assert.equal(error.transactionId, 'tx-bad');
      assert.equal(error.details['validationCode'], validationCode);
    });
  }

  it('maps endorsement failures to the chaincode code', async () => {
    const contract = {
      submitAsync: (): Promise<SubmittedTransaction> =>
        Promise.reject(
          new EndorseError({
            code: GrpcStatus.ABORTED,
            message: 'failed to endorse transaction',
            details: [errorDetail('chaincode response 500, [ALREADY_EXISTS] version 1.0.0 is approved')],
            cause: serviceError(GrpcStatus.ABORTED, 'failed to endorse transaction'),
            transactionId: 'tx-e',
          }),
        ),
    };
    const error = await rejection(submitTransaction(contract, 'approve'));
    assert.equal(error.code, 'ALREADY_EXISTS');
    assert.equal(error.transactionId, 'tx-e');
  });
});

describe('evaluateTransaction', () => {
  it('passes arguments and maps failures', async () => {
    const seen: unknown[] = [];
    const ok = {
      evaluateTransaction: (...args: unknown[]): Promise<Uint8Array> => (
        seen.push(args),
        Promise.resolve(bytes('1'))
      ),
    };
    assert.deepEqual(await evaluateTransaction(ok, 'get', ['x']), bytes('1'));
    assert.deepEqual(seen, [['get', 'x']]);
    const failing = {
      evaluateTransaction: (): Promise<Uint8Array> => Promise.reject(new Error('socket closed')),
    };
    assert.equal((await rejection(evaluateTransaction(failing, 'get'))).code, 'LEDGER_ERROR');
  });
});
