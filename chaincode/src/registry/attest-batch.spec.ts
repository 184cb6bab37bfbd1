import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type AttestBatchResult,
  RegistryEvents,
  attestBatchResultSchema,
  metersAttestedEventSchema,
} from '@metrochain/contracts';
import { chaincodeErrorWithCode } from '../testing/chaincode-error-matcher';
import {
  attestRequest,
  contract,
  newMeterKeys,
  newNonce,
  readMeter,
  txAs,
} from './testing/registry-fixtures';

async function attestBatchAs(
  state: Map<string, Uint8Array>,
  msp: string,
  attestations: object[],
): Promise<{ result: AttestBatchResult; stub: ReturnType<typeof txAs>['stub'] }> {
  const tx = txAs('registrar', msp, { state, txId: `tx-batch-${msp}` });
  const result = attestBatchResultSchema.parse(
    JSON.parse(await contract.attestBatch(tx.ctx, JSON.stringify({ attestations }))),
  );
  return { result, stub: tx.stub };
}

describe('attestBatch', () => {
  it('records every attestation of the batch, activating meters the second NMI attests, in one event', async () => {
    const state = new Map<string, Uint8Array>();
    const keys = [newMeterKeys(), newMeterKeys()];
    const ids = ['batch-1', 'batch-2'];
    const first = await attestBatchAs(
      state,
      'PTBMSP',
      ids.map((id, i) => attestRequest(id, keys[i] ?? newMeterKeys(), 'PTBMSP')),
    );
    assert.deepEqual(
      first.result.results.map((r) => r.ok && r.status),
      ['pending', 'pending'],
    );
    const second = await attestBatchAs(
      state,
      'InmetroMSP',
      ids.map((id, i) => attestRequest(id, keys[i] ?? newMeterKeys(), 'InmetroMSP')),
    );
    assert.deepEqual(
      second.result.results.map((r) => r.ok && r.status),
      ['active', 'active'],
    );
    assert.equal((await readMeter(state, 'batch-2')).status, 'active');
    assert.equal(second.stub.events.length, 1);
    const [event] = second.stub.events;
    assert.ok(event !== undefined);
    assert.equal(event.name, RegistryEvents.metersAttested);
    const payload = metersAttestedEventSchema.parse(JSON.parse(event.payload));
    assert.deepEqual(
      payload.events.map((e) => [e.name, e.payload.meterId]),
      [
        [RegistryEvents.meterActivated, 'batch-1'],
        [RegistryEvents.meterActivated, 'batch-2'],
      ],
    );
  });

  it('refuses a bad attestation on its own, with its code, and records the others', async () => {
    const state = new Map<string, Uint8Array>();
    const good = newMeterKeys();
    const meter = newMeterKeys();
    const impostor = newMeterKeys();
    const forged = {
      ...attestRequest('batch-forged', meter, 'PTBMSP'),
      signature: attestRequest('batch-forged', impostor, 'PTBMSP').signature,
    };
    const duplicate = attestRequest('batch-good', good, 'PTBMSP');
    const { result, stub } = await attestBatchAs(state, 'PTBMSP', [
      attestRequest('batch-good', good, 'PTBMSP'),
      forged,
      duplicate,
    ]);
    assert.deepEqual(
      result.results.map((r) => (r.ok ? 'ok' : r.code)),
      ['ok', 'SIGNATURE_INVALID', 'DUPLICATE_IN_BATCH'],
    );
    await assert.rejects(readMeter(state, 'batch-forged'));
    assert.equal((await readMeter(state, 'batch-good')).attestations.length, 1);
    assert.equal(stub.events.length, 1);
  });

  it('reads the ledger in one peer message and writes it in one, however many meters the batch has', async () => {
    const state = new Map<string, Uint8Array>();
    const ids = Array.from({ length: 40 }, (_, i) => `batch-many-${String(i)}`);
    const { result, stub } = await attestBatchAs(
      state,
      'PTBMSP',
      ids.map((id) => attestRequest(id, newMeterKeys(), 'PTBMSP')),
    );
    assert.equal(result.results.filter((r) => r.ok).length, ids.length);
    assert.deepEqual(stub.handler.messages, ['GetStateMultiple', 'WriteBatchState']);
    assert.equal(stub.writtenKeys.length, 2 * ids.length);
  });

  it('refuses a nonce used twice in one batch with NONCE_REUSED for the second meter', async () => {
    const state = new Map<string, Uint8Array>();
    const nonce = newNonce();
    const first = newMeterKeys();
    const second = newMeterKeys();
    const { result } = await attestBatchAs(state, 'PTBMSP', [
      attestRequest('batch-nonce-1', first, 'PTBMSP', { nonce }),
      attestRequest('batch-nonce-2', second, 'PTBMSP', { nonce }),
    ]);
    assert.deepEqual(
      result.results.map((r) => (r.ok ? 'ok' : r.code)),
      ['ok', 'NONCE_REUSED'],
    );
    await assert.rejects(readMeter(state, 'batch-nonce-2'));
  });

  it('refuses the whole call for an identity without the registrar role, writing nothing', async () => {
    const state = new Map<string, Uint8Array>();
    const { ctx, stub } = txAs('measurement', 'PTBMSP', { state });
    const attestations = [attestRequest('batch-x', newMeterKeys(), 'PTBMSP')];
    await assert.rejects(
      contract.attestBatch(ctx, JSON.stringify({ attestations })),
      chaincodeErrorWithCode('ROLE_FORBIDDEN'),
    );
    assert.deepEqual([stub.writtenKeys, state.size], [[], 0]);
  });

  it('refuses an empty or malformed batch with INVALID_ARGUMENT', async () => {
    const { ctx } = txAs('registrar', 'PTBMSP');
    await assert.rejects(
      contract.attestBatch(ctx, JSON.stringify({ attestations: [] })),
      chaincodeErrorWithCode('INVALID_ARGUMENT'),
    );
    await assert.rejects(contract.attestBatch(ctx, 'not json'), chaincodeErrorWithCode('INVALID_ARGUMENT'));
  });
});
