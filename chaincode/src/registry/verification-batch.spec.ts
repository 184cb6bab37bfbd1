import { RegistryEvents, verificationBatchSchema } from '@metrochain/contracts';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chaincodeErrorWithCode } from '../testing/chaincode-error-matcher';
import { newStubContext } from '../testing/stub-context';
import { T0, contract, isoAt, txAs } from './testing/registry-fixtures';

const BATCH = { batchId: 'verification-2026-01-01-0001', merkleRoot: 'c'.repeat(64), size: 128 };

async function anchor(state: Map<string, Uint8Array>, request: object, txId = 'tx-anchor'): Promise<string> {
  const { ctx } = txAs('verifier', 'PTBMSP', { state, txId });
  return contract.anchorVerificationBatch(ctx, JSON.stringify(request));
}

describe('anchorVerificationBatch', () => {
  it('stores the root with the anchoring NMI, time and transaction, and emits the anchor', async () => {
    const state = new Map<string, Uint8Array>();
    const { ctx, stub } = txAs('verifier', 'PTBMSP', { state, txId: 'tx-anchor' });
    const json = await contract.anchorVerificationBatch(ctx, JSON.stringify(BATCH));
    const expected = { ...BATCH, anchoredBy: 'PTBMSP', anchoredAt: isoAt(T0), txId: 'tx-anchor' };
    assert.deepEqual(verificationBatchSchema.parse(JSON.parse(json)), expected);
    assert.deepEqual(stub.events, [{ name: RegistryEvents.batchAnchored, payload: json }]);
    const read = await contract.getVerificationBatch(newStubContext({ state }).ctx, BATCH.batchId);
    assert.equal(read, json);
  });

  it('returns the stored anchor for the same batch again, without writing', async () => {
    const state = new Map<string, Uint8Array>();
    const first = await anchor(state, BATCH);
    const { ctx, stub } = txAs('verifier', 'LNEMSP', { state, txId: 'tx-again' });
    assert.equal(await contract.anchorVerificationBatch(ctx, JSON.stringify(BATCH)), first);
    assert.deepEqual([stub.writtenKeys, stub.events], [[], []]);
  });

  it('never changes an anchor: another root or size for the same id fails with ALREADY_EXISTS', async () => {
    const state = new Map<string, Uint8Array>();
    const first = await anchor(state, BATCH);
    for (const change of [{ merkleRoot: 'd'.repeat(64) }, { size: 129 }]) {
      const { ctx, stub } = txAs('verifier', 'PTBMSP', { state, txId: 'tx-change' });
      await assert.rejects(
        contract.anchorVerificationBatch(ctx, JSON.stringify({ ...BATCH, ...change })),
        chaincodeErrorWithCode('ALREADY_EXISTS'),
      );
      assert.deepEqual([stub.writtenKeys, stub.events], [[], []]);
    }
    assert.equal(await contract.getVerificationBatch(newStubContext({ state }).ctx, BATCH.batchId), first);
  });

  it('refuses callers without the verifier role and malformed batches', async () => {
    const registrar = txAs('registrar', 'PTBMSP');
    await assert.rejects(
      contract.anchorVerificationBatch(registrar.ctx, JSON.stringify(BATCH)),
      chaincodeErrorWithCode('ROLE_FORBIDDEN'),
    );
    await assert.rejects(
      anchor(new Map(), { ...BATCH, merkleRoot: 'xyz' }),
      chaincodeErrorWithCode('INVALID_ARGUMENT'),
    );
  });

  it('reads NOT_FOUND for a batch never anchored and INVALID_ARGUMENT for a malformed id', async () => {
    const { ctx } = newStubContext();
    await assert.rejects(
      contract.getVerificationBatch(ctx, 'batch-none'),
      chaincodeErrorWithCode('NOT_FOUND'),
    );
    await assert.rejects(
      contract.getVerificationBatch(ctx, '../x'),
      chaincodeErrorWithCode('INVALID_ARGUMENT'),
    );
  });
});
