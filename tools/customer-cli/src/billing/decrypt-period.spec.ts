import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SlotCiphertext } from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import { fakeFe } from '../testing/fake-fe';
import { decryptPeriod } from './decrypt-period';
import { summariseReadings } from './reading-summary';

const fe = fakeFe();
const seed = fe.generateSeed();
const solver = fe.createDlogSolver({ babyStepBits: 16 });
const meterId = 'meter-1';

function slot(day: string, index: number, wh: number, seq = index): SlotCiphertext {
  return { day, slot: index, seq, ciphertext: fe.encrypt(seed, fe.feLabel(meterId, day), index, wh) };
}

const coded = (code: string, pattern: RegExp) => (error: unknown) =>
  error instanceof DomainError && error.code === code && pattern.test(error.message);

describe('summariseReadings', () => {
  it('orders by day and slot, sums the Wh (signed) and counts the slots', () => {
    const summary = summariseReadings('m', '2026-01', [
      { day: '2026-01-02', slot: 0, seq: 9, wh: 5 },
      { day: '2026-01-01', slot: 95, seq: 8, wh: -2 },
      { day: '2026-01-01', slot: 3, seq: 7, wh: 40 },
    ]);
    assert.deepEqual(
      summary.readings.map((reading) => [reading.day, reading.slot]),
      [
        ['2026-01-01', 3],
        ['2026-01-01', 95],
        ['2026-01-02', 0],
      ],
    );
    assert.deepEqual(
      [summary.totalWh, summary.slots, summary.meterId, summary.period],
      [43, 3, 'm', '2026-01'],
    );
    assert.deepEqual(summariseReadings('m', '2026-02', []), {
      meterId: 'm',
      period: '2026-02',
      readings: [],
      totalWh: 0,
      slots: 0,
    });
  });
});

describe('decryptPeriod', () => {
  it("decrypts each ciphertext under its day's label and slot", () => {
    const ciphertexts = [
      slot('2026-01-31', 95, 120, 300),
      slot('2026-01-01', 0, 250, 1),
      slot('2026-01-01', 1, 0, 2),
    ];
    const summary = decryptPeriod({ seed, meterId, period: '2026-01', ciphertexts }, fe, solver);
    assert.deepEqual(summary, {
      meterId,
      period: '2026-01',
      readings: [
        { day: '2026-01-01', slot: 0, seq: 1, wh: 250 },
        { day: '2026-01-01', slot: 1, seq: 2, wh: 0 },
        { day: '2026-01-31', slot: 95, seq: 300, wh: 120 },
      ],
      totalWh: 370,
      slots: 3,
    });
  });

  it('keeps FE_NO_RESULT for another seed or meter, naming the slot', () => {
    const ciphertexts = [slot('2026-01-05', 7, 10)];
    const otherSeed = new Uint8Array(32).fill(1);
    assert.throws(
      () => decryptPeriod({ seed: otherSeed, meterId, period: '2026-01', ciphertexts }, fe, solver),
      coded('FE_NO_RESULT', /^2026-01-05 slot 7 of meter meter-1: /),
    );
    assert.throws(
      () => decryptPeriod({ seed, meterId: 'meter-2', period: '2026-01', ciphertexts }, fe, solver),
      coded('FE_NO_RESULT', /meter meter-2/),
    );
  });

  it('refuses ciphertexts outside the period or twice for a slot as RESPONSE_INVALID', () => {
    const outside = [slot('2026-02-01', 0, 1)];
    assert.throws(
      () => decryptPeriod({ seed, meterId, period: '2026-01', ciphertexts: outside }, fe, solver),
      coded('RESPONSE_INVALID', /outside 2026-01/),
    );
    const twice = [slot('2026-01-03', 4, 1), slot('2026-01-03', 4, 2)];
    assert.throws(
      () => decryptPeriod({ seed, meterId, period: '2026-01', ciphertexts: twice }, fe, solver),
      coded('RESPONSE_INVALID', /two ciphertexts for 2026-01-03 slot 4/),
    );
  });

  it('lets errors that are not coded through unchanged', () => {
    const broken = {
      ...fe,
      decryptReading: () => {
        throw new TypeError('bug');
      },
    };
    assert.throws(
      () =>
        decryptPeriod(
          { seed, meterId, period: '2026-01', ciphertexts: [slot('2026-01-01', 0, 1)] },
          broken,
          solver,
        ),
      TypeError,
    );
  });
});
