import {
  GOVERNANCE_CONTRACT,
  GovernanceTransactions,
  ROLE_ATTRIBUTE,
  SOFTWARE_APPROVED_EVENT,
  type SoftwareApprovalRequest,
  chaincodeVersionSchema,
  softwareApprovalSchema,
} from '@metrochain/contracts';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ChaincodeError } from '../common/chaincode-error';
import { chaincodeErrorWithCode } from '../testing/chaincode-error-matcher';
import { type StubContextOptions, newStubContext } from '../testing/stub-context';
import { GovernanceContract } from './governance.contract';

const contract = new GovernanceContract();
const governance = { mspId: 'PTBMSP', attributes: { [ROLE_ATTRIBUTE]: 'governance' } } as const;
const REQUEST: SoftwareApprovalRequest = {
  version: '1.2.0',
  fingerprint: 'a'.repeat(64),
  notifiedBody: 'NB 0102',
};

function governanceTx(options: StubContextOptions = {}): ReturnType<typeof newStubContext> {
  return newStubContext({ ...governance, ...options });
}

async function approve(request: SoftwareApprovalRequest, options: StubContextOptions = {}): Promise<string> {
  return contract.approveSoftwareVersion(governanceTx(options).ctx, JSON.stringify(request));
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

describe('approveSoftwareVersion', () => {
  it('writes the approval with the caller MSP, transaction time and id, and emits the event', async () => {
    const { ctx, stub } = governanceTx({
      mspId: 'LNEMSP',
      txId: 'tx-approve',
      seconds: 1_767_225_600,
      nanos: 5e8,
    });
    const json = await contract.approveSoftwareVersion(ctx, JSON.stringify(REQUEST));
    assert.deepEqual(JSON.parse(json), {
      ...REQUEST,
      approvedBy: 'LNEMSP',
      approvedAt: '2026-01-01T00:00:00.500Z',
      txId: 'tx-approve',
    });
    assert.equal(softwareApprovalSchema.safeParse(JSON.parse(json)).success, true);
    const key = stub.createCompositeKey('software', [REQUEST.version]);
    assert.deepEqual(stub.writtenKeys, [key]);
    assert.equal(Buffer.from(stub.state.get(key) ?? []).toString('utf8'), json);
    assert.deepEqual(stub.events, [{ name: SOFTWARE_APPROVED_EVENT, payload: json }]);
  });

  it('returns and stores canonical JSON', async () => {
    const json = await approve(REQUEST);
    assert.equal(
      json,
      '{"approvedAt":"2026-01-01T00:00:00.000Z","approvedBy":"PTBMSP","fingerprint":"' +
        REQUEST.fingerprint +
        '","notifiedBody":"NB 0102","txId":"tx-1","version":"1.2.0"}',
    );
  });

  it('rejects a caller without a role attribute and writes nothing', async () => {
    const { ctx, stub } = newStubContext({ mspId: 'PTBMSP', attributes: {} });
    await assert.rejects(
      contract.approveSoftwareVersion(ctx, JSON.stringify(REQUEST)),
      chaincodeErrorWithCode('ROLE_FORBIDDEN'),
    );
    assert.deepEqual([stub.state.size, stub.events.length], [0, 0]);
  });

  it('rejects a caller with another role, naming the role and MSP, and writes nothing', async () => {
    const { ctx, stub } = newStubContext({ mspId: 'PTBMSP', attributes: { [ROLE_ATTRIBUTE]: 'registrar' } });
    await assert.rejects(contract.approveSoftwareVersion(ctx, JSON.stringify(REQUEST)), (error: unknown) => {
      chaincodeErrorWithCode('ROLE_FORBIDDEN')(error);
      assert.match(String(error), /'governance' required; caller of PTBMSP/);
      return true;
    });
    assert.deepEqual([stub.state.size, stub.events.length], [0, 0]);
  });

  it('rejects an invalid request with the offending paths and writes nothing', async () => {
    const { ctx, stub } = governanceTx();
    const invalid = { version: '', fingerprint: 'ABC', notifiedBody: 'NB 0102' };
    await assert.rejects(contract.approveSoftwareVersion(ctx, JSON.stringify(invalid)), (error: unknown) => {
      chaincodeErrorWithCode('INVALID_ARGUMENT')(error);
      assert.ok(error instanceof ChaincodeError);
      assert.deepEqual(
        (error.details.issues as { path: string }[]).map((issue) => issue.path),
        ['version', 'fingerprint'],
      );
      assert.match(error.message, /version: .*; fingerprint: /);
      return true;
    });
    assert.deepEqual([stub.state.size, stub.events.length], [0, 0]);
  });

  it('rejects a request that is not JSON or lacks a field', async () => {
    const { ctx, stub } = governanceTx();
    await assert.rejects(
      contract.approveSoftwareVersion(ctx, '{version'),
      chaincodeErrorWithCode('INVALID_ARGUMENT'),
    );
    const incomplete = { version: REQUEST.version, fingerprint: REQUEST.fingerprint };
    await assert.rejects(
      contract.approveSoftwareVersion(ctx, JSON.stringify(incomplete)),
      /\[INVALID_ARGUMENT\] .*notifiedBody: Required/,
    );
    assert.equal(stub.state.size, 0);
  });

  it('returns the stored approval when the same fingerprint is approved again, without writing', async () => {
    const state = new Map<string, Uint8Array>();
    const first = await approve(REQUEST, { state, txId: 'tx-first', seconds: 1_767_225_600 });
    const { ctx, stub } = governanceTx({ state, mspId: 'LNEMSP', txId: 'tx-again', seconds: 1_767_312_000 });
    const again = await contract.approveSoftwareVersion(ctx, JSON.stringify(REQUEST));
    assert.equal(again, first);
    assert.deepEqual([stub.writtenKeys.length, stub.events.length], [0, 0]);
  });

  it('refuses another fingerprint for an approved version and keeps the approval', async () => {
    const state = new Map<string, Uint8Array>();
    const first = await approve(REQUEST, { state });
    const { ctx, stub } = governanceTx({ state, txId: 'tx-conflict' });
    const conflicting = { ...REQUEST, fingerprint: 'b'.repeat(64) };
    await assert.rejects(
      contract.approveSoftwareVersion(ctx, JSON.stringify(conflicting)),
      chaincodeErrorWithCode('ALREADY_EXISTS'),
    );
    assert.deepEqual([stub.writtenKeys.length, stub.events.length], [0, 0]);
    assert.equal(await contract.getApprovedSoftware(ctx, REQUEST.version), first);
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
