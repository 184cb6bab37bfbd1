import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCiphertext } from './ciphertext';
import { READING_BOUND, SLOTS_PER_DAY } from './constants';
import { createDlogSolver } from './dlog/solver';
import { functionalKey, parseFunctionalKey } from './functional-key';
import { decodeDay, evaluateInnerProduct, evaluateInnerProductOfPoints, type FeDay } from './inner-product';
import { feLabel } from './labels';
import { decryptReading, encryptReading } from './reading';
import { generateSeed, seedFromText, seedToText } from './seed';

/** mulberry32: reproducible "random" vectors, so that a failure can be replayed. */
function random(seed: number): (low: number, high: number) => number {
  let state = seed >>> 0;
  return (low, high) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const unit = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return low + Math.floor(unit * (high - low + 1));
  };
}

const solver = createDlogSolver({ babyStepBits: 14 });
const BOUND = 2 ** 26;

function encryptDays(seed: Uint8Array, meterId: string, readings: readonly (readonly number[])[]): FeDay[] {
  return readings.map((day, index) => {
    const label = feLabel(meterId, `2026-03-${String(index + 1).padStart(2, '0')}`);
    return { label, ciphertexts: day.map((value, slot) => encryptReading(seed, label, slot, value)) };
  });
}

function innerProduct(readings: readonly (readonly number[])[], weights: readonly number[]): bigint {
  let sum = 0n;
  for (const day of readings)
    day.forEach((value, slot) => (sum += BigInt(value) * BigInt(weights[slot] ?? 0)));
  return sum;
}

describe('inner product over days', () => {
  const next = random(2026);
  const seed = generateSeed();
  const readings = Array.from({ length: 3 }, () =>
    Array.from({ length: SLOTS_PER_DAY }, (_, slot) => (slot % 11 === 0 ? 0 : next(-3000, 3000))),
  );
  const days = encryptDays(seed, 'meter-7', readings);

  it('opens ⟨x, y⟩ for tariffs with zero, negative and repeated weights', () => {
    const tariffs = [
      Array.from({ length: SLOTS_PER_DAY }, (_, slot) => (slot < 28 ? 25 : slot < 68 ? 32 : 41)),
      Array.from({ length: SLOTS_PER_DAY }, () => next(-50, 50)),
      Array.from({ length: SLOTS_PER_DAY }, (_, slot) => (slot % 2 === 0 ? 0 : -7)),
      Array.from({ length: SLOTS_PER_DAY }, () => 0),
    ];
    for (const weights of tariffs) {
      const key = functionalKey(seed, weights);
      assert.equal(evaluateInnerProduct(key, weights, days, solver, BOUND), innerProduct(readings, weights));
      assert.equal(
        evaluateInnerProduct(key, weights, days.slice(1), solver, BOUND),
        innerProduct(readings.slice(1), weights),
      );
    }
  });

  it('gives the same result from decoded points', () => {
    const weights = Array.from({ length: SLOTS_PER_DAY }, () => next(0, 9));
    const key = functionalKey(seed, weights);
    const decoded = days.map(decodeDay);
    assert.equal(
      evaluateInnerProductOfPoints(key, weights, decoded, solver, BOUND),
      innerProduct(readings, weights),
    );
  });

  it('finds nothing for a key of other weights, another seed or another meter', () => {
    const weights = Array.from({ length: SLOTS_PER_DAY }, (_, slot) => (slot < 48 ? 25 : 41));
    const otherWeights = weights.map((weight, slot) => (slot === 5 ? weight + 1 : weight));
    const noResult = { code: 'FE_NO_RESULT' };
    assert.throws(
      () => evaluateInnerProduct(functionalKey(seed, otherWeights), weights, days, solver, BOUND),
      noResult,
    );
    assert.throws(
      () => evaluateInnerProduct(functionalKey(generateSeed(), weights), weights, days, solver, BOUND),
      noResult,
    );
    const otherMeter = encryptDays(seed, 'meter-8', readings).map((day, index) => ({
      ...day,
      label: days[index]!.label,
    }));
    assert.throws(
      () => evaluateInnerProduct(functionalKey(seed, weights), weights, otherMeter, solver, BOUND),
      noResult,
    );
  });

  it('refuses a day without exactly 96 ciphertexts, a bad ciphertext, key or weights', () => {
    const weights = Array.from({ length: SLOTS_PER_DAY }, () => 1);
    const key = functionalKey(seed, weights);
    const short = [{ ...days[0]!, ciphertexts: days[0]!.ciphertexts.slice(1) }];
    assert.throws(() => evaluateInnerProduct(key, weights, short, solver, BOUND), {
      code: 'FE_CIPHERTEXT_INVALID',
    });
    const long = [{ ...days[0]!, ciphertexts: [...days[0]!.ciphertexts, days[0]!.ciphertexts[0]!] }];
    assert.throws(() => evaluateInnerProduct(key, weights, long, solver, BOUND), {
      code: 'FE_CIPHERTEXT_INVALID',
    });
    const invalid = [
      { ...days[0]!, ciphertexts: days[0]!.ciphertexts.map((c, slot) => (slot === 9 ? 'AAAA' : c)) },
    ];
    assert.throws(() => evaluateInnerProduct(key, weights, invalid, solver, BOUND), {
      code: 'FE_CIPHERTEXT_INVALID',
    });
    assert.throws(() => evaluateInnerProduct('AAAA', weights, days, solver, BOUND), {
      code: 'FE_KEY_INVALID',
    });
    assert.throws(() => evaluateInnerProduct(key, weights.slice(1), days, solver, BOUND), {
      code: 'FE_VALUE_OUT_OF_RANGE',
    });
    assert.throws(() => evaluateInnerProduct(key, weights, days, solver, -1), {
      code: 'FE_VALUE_OUT_OF_RANGE',
    });
  });

  it('is zero over no days', () => {
    const weights = Array.from({ length: SLOTS_PER_DAY }, () => 3);
    assert.equal(evaluateInnerProduct(functionalKey(seed, weights), weights, [], solver, BOUND), 0n);
  });
});

describe('readings', () => {
  const seed = seedFromText(Buffer.alloc(32, 7).toString('base64'));
  const label = feLabel('meter-1', '2026-01-31');

  it('decrypts every reading for the customer, the bounds and zero included', () => {
    for (const value of [0, 1, -1, 2999, -2999, READING_BOUND, -READING_BOUND]) {
      const slot = Math.abs(value) % SLOTS_PER_DAY;
      assert.equal(
        decryptReading(seed, label, slot, encryptReading(seed, label, slot, value), solver),
        value,
      );
    }
  });

  it('refuses readings beyond the bound, fractions and slots outside the day', () => {
    const outOfRange = { code: 'FE_VALUE_OUT_OF_RANGE' };
    for (const value of [READING_BOUND + 1, -READING_BOUND - 1, 0.5, Number.NaN]) {
      assert.throws(() => encryptReading(seed, label, 0, value), outOfRange);
    }
    for (const slot of [-1, SLOTS_PER_DAY, 1.5])
      assert.throws(() => encryptReading(seed, label, slot, 1), outOfRange);
    assert.throws(() => encryptReading(new Uint8Array(31), label, 0, 1), outOfRange);
  });

  it('does not decrypt under another slot, label or seed', () => {
    const ciphertext = encryptReading(seed, label, 3, 1234);
    const noResult = { code: 'FE_NO_RESULT' };
    assert.throws(() => decryptReading(seed, label, 4, ciphertext, solver), noResult);
    assert.throws(
      () => decryptReading(seed, feLabel('meter-1', '2026-02-01'), 3, ciphertext, solver),
      noResult,
    );
    assert.throws(() => decryptReading(generateSeed(), label, 3, ciphertext, solver), noResult);
  });

  it('encrypts deterministically and hides equal readings of different slots', () => {
    assert.equal(encryptReading(seed, label, 3, 10), encryptReading(seed, label, 3, 10));
    assert.notEqual(encryptReading(seed, label, 3, 10), encryptReading(seed, label, 4, 10));
    assert.ok(parseCiphertext(encryptReading(seed, label, 3, 10)));
  });
});

describe('keys and seeds', () => {
  it('encodes a key as two canonical scalars and refuses others', () => {
    const key = functionalKey(
      generateSeed(),
      Array.from({ length: SLOTS_PER_DAY }, () => -1),
    );
    assert.equal(Buffer.from(key, 'base64').length, 64);
    assert.doesNotThrow(() => parseFunctionalKey(key));
    const invalid = { code: 'FE_KEY_INVALID' };
    assert.throws(() => parseFunctionalKey(Buffer.alloc(64, 0xff).toString('base64')), invalid);
    assert.throws(() => parseFunctionalKey(Buffer.alloc(63).toString('base64')), invalid);
    assert.throws(() => parseFunctionalKey('not base64!'), invalid);
  });

  it('refuses weights that are not 96 safe integers', () => {
    const seed = generateSeed();
    const outOfRange = { code: 'FE_VALUE_OUT_OF_RANGE' };
    assert.throws(() => functionalKey(seed, [1, 2, 3]), outOfRange);
    assert.throws(
      () =>
        functionalKey(
          seed,
          Array.from({ length: SLOTS_PER_DAY }, () => 0.5),
        ),
      outOfRange,
    );
  });

  it('round-trips a seed through its text form', () => {
    const seed = generateSeed();
    assert.equal(seed.length, 32);
    assert.deepEqual(seedFromText(seedToText(seed)), seed);
    assert.notDeepEqual(generateSeed(), seed);
    assert.throws(() => seedFromText('AAAA'), { code: 'FE_VALUE_OUT_OF_RANGE' });
  });
});
