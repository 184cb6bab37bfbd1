import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newStubContext } from '../testing/stub-context';
import { getParsedState, listParsedState, putCanonicalState, toCanonicalJson } from './state';

const passThrough = { parse: (value: unknown): unknown => value };
const rejectAll = {
  parse: (): never => {
    throw new Error('invalid stored value');
  },
};

describe('state', () => {
  it('encodes canonical JSON: sorted keys, no whitespace', () => {
    assert.equal(toCanonicalJson({ b: 1, a: { d: [2, 1], c: 'x' } }), '{"a":{"c":"x","d":[2,1]},"b":1}');
    assert.throws(() => toCanonicalJson(undefined), TypeError);
  });

  it('writes canonical bytes and reads them back through the parser', async () => {
    const { ctx, stub } = newStubContext();
    const json = await putCanonicalState(ctx, 'k', { z: true, a: 'v' });
    assert.equal(json, '{"a":"v","z":true}');
    assert.equal(Buffer.from(stub.state.get('k') ?? []).toString('utf8'), json);
    assert.deepEqual(await getParsedState(ctx, 'k', passThrough), { a: 'v', z: true });
  });

  it('reads an absent key as undefined', async () => {
    const { ctx } = newStubContext();
    assert.equal(await getParsedState(ctx, 'missing', passThrough), undefined);
  });

  it('lists only values under the composite-key prefix, in key order, and closes the iterator', async () => {
    const { ctx, stub } = newStubContext();
    await putCanonicalState(ctx, stub.createCompositeKey('thing', ['b']), 'second');
    await putCanonicalState(ctx, stub.createCompositeKey('thing', ['a']), 'first');
    await putCanonicalState(ctx, stub.createCompositeKey('other', ['a']), 'elsewhere');
    assert.deepEqual(await listParsedState(ctx, 'thing', [], passThrough), ['first', 'second']);
    assert.equal(stub.openIterators, 0);
  });

  it('closes the iterator when a stored value fails validation', async () => {
    const { ctx, stub } = newStubContext();
    await putCanonicalState(ctx, stub.createCompositeKey('thing', ['a']), 'bad');
    await assert.rejects(listParsedState(ctx, 'thing', [], rejectAll), /invalid stored value/);
    assert.equal(stub.openIterators, 0);
  });
});
