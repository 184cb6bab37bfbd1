import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import canonicalize from 'canonicalize';
import { canonicalJson } from './canonical-json';

/** A small deterministic generator (mulberry32), so a failure names a seed that reproduces it. */
function randomSource(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.1,
  1e21,
  1e-7,
  5e-324,
  1.7976931348623157e308,
  2 ** 53,
  333333333.3333333,
  -12.5,
];
const STRINGS = [
  '',
  'a',
  'é',
  '€',
  '😀',
  '\u0000',
  '\u001f',
  '"quoted"',
  'back\\slash',
  '\ud800',
  'Z',
  'z',
  '10',
  '9',
];

function randomValue(next: () => number, depth: number): unknown {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const kind = depth > 3 ? Math.floor(next() * 4) : Math.floor(next() * 7);
  switch (kind) {
    case 0:
      return next() < 0.5 ? pick(NUMBERS) : (next() - 0.5) * 10 ** Math.floor(next() * 30 - 10);
    case 1:
      return pick(STRINGS) + pick(STRINGS);
    case 2:
      return next() < 0.5;
    case 3:
      return null;
    case 4:
      return Array.from({ length: Math.floor(next() * 6) }, () => next() * 1000 - 500);
    case 5:
      return Array.from({ length: Math.floor(next() * 5) }, () => randomValue(next, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: Math.floor(next() * 6) }, () => [
          pick(STRINGS) + pick(STRINGS),
          randomValue(next, depth + 1),
        ]),
      );
  }
}

describe('canonicalJson', () => {
  it('writes the RFC 8785 form: members sorted by UTF-16 code units, ECMAScript numbers, no whitespace', () => {
    assert.equal(
      canonicalJson({ b: [1, 1e21, -0, 0.000001, 1e-7], a: { z: true, é: null, '€': 'x', '😀': '\u000f' } }),
      '{"a":{"z":true,"é":null,"€":"x","😀":"\\u000f"},"b":[1,1e+21,0,0.000001,1e-7]}',
    );
  });

  it('writes what the canonicalize package writes for 2,000 random JSON values', () => {
    for (let seed = 1; seed <= 2000; seed += 1) {
      const value = randomValue(randomSource(seed), 0);
      assert.equal(canonicalJson(value), canonicalize(value), `seed ${String(seed)}`);
    }
  });

  it('leaves out undefined members, writes undefined array items as null and honours toJSON', () => {
    assert.equal(
      canonicalJson({ a: undefined, b: [undefined, 1], c: new Date(0) }),
      '{"b":[null,1],"c":"1970-01-01T00:00:00.000Z"}',
    );
  });

  it('refuses NaN, Infinity, BigInt and a value without JSON text', () => {
    for (const value of [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      [1, Number.NEGATIVE_INFINITY],
      { a: Number.NaN },
      1n,
      undefined,
    ]) {
      assert.throws(() => canonicalJson(value), TypeError);
    }
  });
});
