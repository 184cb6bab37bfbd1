// Loaded first, as in the chaincode server: its older fabric-protos then owns the shared ChaincodeMessage enum.
import 'fabric-shim';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newStubContext } from '../testing/stub-context';
import { MAX_KEYS_PER_MESSAGE, STATE_BATCHING_ENV, stateBatchOf } from './state-batch';

const bytes = (text: string): Uint8Array => Buffer.from(text, 'utf8');
const text = (value: Uint8Array): string => Buffer.from(value).toString('utf8');

describe('state batch', () => {
  it('reads many keys in one peer message, in key order, empty where a key has no value', async () => {
    const { ctx, stub } = newStubContext();
    stub.state.set('a', bytes('1'));
    stub.state.set('c', bytes('3'));
    const values = await stateBatchOf(ctx).getMany(['c', 'b', 'a']);
    assert.deepEqual(values.map(text), ['3', '', '1']);
    assert.deepEqual(stub.handler.messages, ['GetStateMultiple']);
  });

  it('writes many keys in one peer message', async () => {
    const { ctx, stub } = newStubContext();
    await stateBatchOf(ctx).putMany([
      { key: 'x', value: bytes('{"x":1}') },
      { key: 'y', value: bytes('{"y":2}') },
    ]);
    assert.deepEqual(
      [...stub.state].map(([key, value]) => [key, text(value)]),
      [
        ['x', '{"x":1}'],
        ['y', '{"y":2}'],
      ],
    );
    assert.deepEqual([stub.handler.messages, stub.writtenKeys], [['WriteBatchState'], ['x', 'y']]);
  });

  it('splits requests above the peer’s limit per message and sends nothing for none', async () => {
    const { ctx, stub } = newStubContext();
    const keys = Array.from({ length: MAX_KEYS_PER_MESSAGE + 1 }, (_, index) => `k${String(index)}`);
    await stateBatchOf(ctx).putMany(keys.map((key) => ({ key, value: bytes(key) })));
    const values = await stateBatchOf(ctx).getMany(keys);
    await stateBatchOf(ctx).getMany([]);
    await stateBatchOf(ctx).putMany([]);
    assert.deepEqual(values.map(text), keys);
    assert.deepEqual(stub.handler.messages, [
      'WriteBatchState',
      'WriteBatchState',
      'GetStateMultiple',
      'GetStateMultiple',
    ]);
  });

  it(`falls back to one call per key with ${STATE_BATCHING_ENV}=off (peers before Fabric 3.1)`, async () => {
    const { ctx, stub } = newStubContext();
    const state = stateBatchOf(ctx, { [STATE_BATCHING_ENV]: 'off' });
    await state.putMany([{ key: 'x', value: bytes('1') }]);
    assert.deepEqual((await state.getMany(['x', 'y'])).map(text), ['1', '']);
    assert.deepEqual([stub.handler.messages, stub.writtenKeys], [[], ['x']]);
  });
});
