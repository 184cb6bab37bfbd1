import {
  GOVERNANCE_CONTRACT,
  GovernanceTransactions,
  ROLE_ATTRIBUTE,
  type SoftwareApprovalRequest,
  chaincodeVersionSchema,
  softwareApprovalResultSchema,
} from '@metrochain/contracts';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { chaincodeErrorWithCode } from '../testing/chaincode-error-matcher';
import { type StubContextOptions, newStubContext } from '../testing/stub-context';
import { GovernanceContract } from './governance.contract';

const contract = new GovernanceContract();
const auditor = { mspId: 'PTBMSP', attributes: { [ROLE_ATTRIBUTE]: 'auditor' } } as const;
const REQUEST: SoftwareApprovalRequest = {
  version: '1.2.0',
  fingerprint: 'a'.repeat(64),
  notifiedBody: 'NB 0102',
  meterKinds: ['speed'],
};

/** Approves as an audit service identity; returns the stored version record's JSON. */
async function approve(request: SoftwareApprovalRequest, options: StubContextOptions = {}): Promise<string> {
  const { ctx } = newStubContext({ ...auditor, ...options });
  const result = softwareApprovalResultSchema.parse(
    JSON.parse(await contract.approveSoftwareVersion(ctx, JSON.stringify(request))),
  );
  return JSON.stringify(
    Object.fromEntries(Object.entries(result.software).sort(([left], [right]) => (left < right ? -1 : 1))),
  );
}

describe('GovernanceContract', () => {
  it('is the contract named in the contract library and implements each of its transactions', () => {
    assert.equal(contract.getName(), GOVERNANCE_CONTRACT);
    for (const name of Object.values(GovernanceTransactions)) {
      assert.equal(typeof contract[name], 'function', name);
    }
  });

  it('declares reads as evaluate-only and string parameters after the context', () => {
    // fabric-contract-api keeps its transaction metadata with reflect-metadata, which it loads itself.
    const reflect = Reflect as unknown as { getMetadata: (key: string, target: object) => unknown };
    const metadata = reflect.getMetadata('fabric:transactions', GovernanceContract.prototype) as {
      name: string;
      tag: string[];
      parameters: { name: string; schema: { type: string } }[];
    }[];
    const summary = Object.fromEntries(
      metadata.map((tx) => [
        tx.name,
        { tag: tx.tag[0], parameters: tx.parameters.map((p) => p.schema.type) },
      ]),
    );
    assert.deepEqual(summary, {
      [GovernanceTransactions.getVersion]: { tag: 'EVALUATE', parameters: [] },
      [GovernanceTransactions.approveSoftwareVersion]: { tag: 'SUBMIT', parameters: ['string'] },
      [GovernanceTransactions.getApprovedSoftware]: { tag: 'EVALUATE', parameters: ['string'] },
      [GovernanceTransactions.listApprovedSoftware]: { tag: 'EVALUATE', parameters: [] },
      [GovernanceTransactions.withdrawSoftwareApproval]: { tag: 'SUBMIT', parameters: ['string'] },
      [GovernanceTransactions.listSoftwareApprovals]: { tag: 'EVALUATE', parameters: ['string'] },
      [GovernanceTransactions.approveMeterModel]: { tag: 'SUBMIT', parameters: ['string'] },
      [GovernanceTransactions.getMeterModel]: { tag: 'EVALUATE', parameters: ['string'] },
    });
  });

  it('returns the chaincode version and a SHA-256 fingerprint', async () => {
    const version = chaincodeVersionSchema.parse(JSON.parse(await contract.getVersion()));
    const packageJson = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as {
      version: string;
    };
    assert.equal(version.chaincodeVersion, packageJson.version);
    assert.match(version.lrFingerprint, /^[0-9a-f]{64}$/);
  });
});

describe('getApprovedSoftware', () => {
  it('returns a stored approval as canonical JSON', async () => {
    const state = new Map<string, Uint8Array>();
    const approved = await approve(REQUEST, { state });
    assert.equal(
      await contract.getApprovedSoftware(newStubContext({ state }).ctx, REQUEST.version),
      approved,
    );
  });

  it('fails with NOT_FOUND for a version never approved', async () => {
    const state = new Map<string, Uint8Array>();
    await approve(REQUEST, { state });
    await assert.rejects(
      contract.getApprovedSoftware(newStubContext({ state }).ctx, '9.9.9'),
      chaincodeErrorWithCode('NOT_FOUND'),
    );
  });

  it('fails with INVALID_ARGUMENT for a malformed version', async () => {
    await assert.rejects(
      contract.getApprovedSoftware(newStubContext().ctx, '../1.0'),
      chaincodeErrorWithCode('INVALID_ARGUMENT'),
    );
  });
});

describe('listApprovedSoftware', () => {
  it('returns an empty array when nothing is approved', async () => {
    const { ctx, stub } = newStubContext();
    assert.equal(await contract.listApprovedSoftware(ctx), '[]');
    assert.equal(stub.openIterators, 0);
  });

  it('returns every approval in version key order and closes the iterator', async () => {
    const state = new Map<string, Uint8Array>();
    const second = await approve({ ...REQUEST, version: '2.0.0', fingerprint: 'c'.repeat(64) }, { state });
    const first = await approve(REQUEST, { state });
    state.set('unrelated', Buffer.from('"not an approval"'));
    const { ctx, stub } = newStubContext({ state });
    const listed = await contract.listApprovedSoftware(ctx);
    assert.equal(listed, `[${first},${second}]`);
    assert.equal(stub.openIterators, 0);
  });
});
