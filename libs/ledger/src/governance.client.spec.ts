import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { type Contract, GatewayError, type SubmittedTransaction } from '@hyperledger/fabric-gateway';
import { GOVERNANCE_CONTRACT, type LrApproval, type SoftwareApproval } from '@metrochain/contracts';
import { GovernanceClient } from './governance.client';
import { LedgerError } from './ledger-error';
import { serviceError, FakeContract, jsonBytes, submittedTransaction } from './testing/fabric-fakes';

const fingerprint = 'a'.repeat(64);
const approval: SoftwareApproval = {
  version: '1.2.0',
  fingerprint,
  notifiedBody: 'NB 0102',
  approvedBy: 'PTBMSP',
  approvedAt: '2025-01-01T00:00:00.000Z',
  txId: 'tx-approve',
};
const lrApproval: LrApproval = {
  version: '1.2.0',
  fingerprint,
  meterKind: 'speed',
  notifiedBody: 'NB 0102',
  status: 'approved',
  approvedBy: 'PTBMSP',
  approvedAt: '2025-01-01T00:00:00.000Z',
  approvedTxId: 'tx-approve',
};
const approvalResult = { software: approval, approvals: [lrApproval] };
const json = jsonBytes;

class FakeGovernanceContract extends FakeContract {
  constructor(
    evaluateResult: () => Promise<Uint8Array>,
    submitted: SubmittedTransaction = submittedTransaction(json(approvalResult), {
      transactionId: 'tx-approve',
      blockNumber: 12n,
    }),
  ) {
    super(evaluateResult, submitted);
  }
}

const returning = (value: unknown): FakeGovernanceContract =>
  new FakeGovernanceContract(() => Promise.resolve(json(value)));

async function rejection(promise: Promise<unknown>): Promise<LedgerError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof LedgerError);
    return error;
  }
  assert.fail('expected a rejection');
}

describe('GovernanceClient', () => {
  it('reads the chaincode version', async () => {
    const contract = returning({ chaincodeVersion: '0.1.0', lrFingerprint: fingerprint });
    assert.deepEqual(await new GovernanceClient(contract).getVersion(), {
      chaincodeVersion: '0.1.0',
      lrFingerprint: fingerprint,
    });
    assert.deepEqual(contract.evaluations, [['getVersion']]);
  });

  it('fails with LEDGER_ERROR when the chaincode answers outside the contract', async () => {
    const error = await rejection(
      new GovernanceClient(returning({ chaincodeVersion: '0.1.0', lrFingerprint: 'xyz' })).getVersion(),
    );
    assert.equal(error.code, 'LEDGER_ERROR');
    assert.equal(error.details['reason'], 'RESPONSE_INVALID');
    const notJson = new FakeGovernanceContract(() => Promise.resolve(new TextEncoder().encode('not json')));
    assert.equal((await rejection(new GovernanceClient(notJson).getVersion())).code, 'LEDGER_ERROR');
  });

  it('submits an approval as one JSON argument and returns it with its commit', async () => {
    const contract = returning(null);
    const request = {
      version: '1.2.0',
      fingerprint,
      notifiedBody: 'NB 0102',
      meterKinds: ['speed' as const],
    };
    const result = await new GovernanceClient(contract).approveSoftwareVersion(request);
    assert.deepEqual(result, { ...approvalResult, transactionId: 'tx-approve', blockNumber: 12n });
    assert.equal(contract.submissions.length, 1);
    const [name, options] = contract.submissions[0] ?? [];
    assert.equal(name, 'approveSoftwareVersion');
    assert.deepEqual(JSON.parse(String(options?.arguments?.[0])), request);
  });

  it('rejects an invalid approval request with INVALID_ARGUMENT before calling the ledger', async () => {
    const contract = returning(null);
    const error = await rejection(
      new GovernanceClient(contract).approveSoftwareVersion({
        version: '',
        fingerprint: 'ABC',
        notifiedBody: 'NB',
        meterKinds: [],
      }),
    );
    assert.equal(error.code, 'INVALID_ARGUMENT');
    assert.deepEqual(
      (error.details['issues'] as { path: string }[]).map((issue) => issue.path),
      ['version', 'fingerprint', 'meterKinds'],
    );
    assert.equal(contract.submissions.length, 0);
  });

  it('submits a withdrawal and lists the per-kind approvals of one kind or of all', async () => {
    const withdrawn: LrApproval = { ...lrApproval, status: 'withdrawn', reason: 'drift' };
    const contract = new FakeGovernanceContract(
      () => Promise.resolve(json([lrApproval])),
      submittedTransaction(json(withdrawn), { transactionId: 'tx-withdraw', blockNumber: 13n }),
    );
    const client = new GovernanceClient(contract);
    const request = { fingerprint, meterKind: 'speed' as const, reason: 'drift' };
    assert.deepEqual(await client.withdrawSoftwareApproval(request), {
      ...withdrawn,
      transactionId: 'tx-withdraw',
      blockNumber: 13n,
    });
    assert.deepEqual(JSON.parse(String(contract.submissions[0]?.[1]?.arguments?.[0])), request);
    assert.deepEqual(await client.listSoftwareApprovals('speed'), [lrApproval]);
    assert.deepEqual(await client.listSoftwareApprovals(), [lrApproval]);
    assert.deepEqual(contract.evaluations, [
      ['listSoftwareApprovals', 'speed'],
      ['listSoftwareApprovals', ''],
    ]);
    const refused = await rejection(client.withdrawSoftwareApproval({ ...request, reason: '' }));
    assert.equal(refused.code, 'INVALID_ARGUMENT');
    assert.equal(contract.submissions.length, 1);
  });

  it('reads one approval by version and lists all of them', async () => {
    const one = returning(approval);
    assert.deepEqual(await new GovernanceClient(one).getApprovedSoftware('1.2.0'), approval);
    assert.deepEqual(one.evaluations, [['getApprovedSoftware', '1.2.0']]);
    const all = returning([approval, { ...approval, version: '1.3.0' }]);
    assert.deepEqual(
      (await new GovernanceClient(all).listApprovedSoftware()).map((item) => item.version),
      ['1.2.0', '1.3.0'],
    );
    assert.deepEqual(all.evaluations, [['listApprovedSoftware']]);
  });

  it('surfaces the chaincode code of a failed read', async () => {
    const message =
      'evaluate call to endorser returned error: chaincode response 500, [NOT_FOUND] software 9.9.9 is not approved';
    const contract = new FakeGovernanceContract(() =>
      Promise.reject(
        new GatewayError({
          code: GrpcStatus.UNKNOWN,
          message,
          details: [],
          cause: serviceError(GrpcStatus.UNKNOWN, message),
        }),
      ),
    );
    const error = await rejection(new GovernanceClient(contract).getApprovedSoftware('9.9.9'));
    assert.equal(error.code, 'NOT_FOUND');
    assert.equal(error.message, 'software 9.9.9 is not approved');
  });

  it('binds to the governance contract of a connection', async () => {
    const names: (string | undefined)[] = [];
    const contract = returning({ chaincodeVersion: '0.1.0', lrFingerprint: fingerprint });
    const client = GovernanceClient.forConnection({
      contract: (name?: string): Contract => {
        names.push(name);
        return contract as unknown as Contract;
      },
    });
    await client.getVersion();
    assert.deepEqual(names, [GOVERNANCE_CONTRACT]);
  });
});
