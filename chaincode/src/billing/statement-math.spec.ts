import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { DomainError } from '@metrochain/errors';
import { chaincodeErrorWithCode } from '../testing/chaincode-error-matcher';
import { FE_CACHE_DIR_ENV, evaluateBill, feCacheDir } from './fe-evaluator';
import { slotEndMs } from './fe-slot-index';
import { daysOfMonth, monthEndMs, monthIndex } from './months';
import { ciphertextSetSha256, roundMilliToMinor, slotCoverage, slotWeights } from './statement-math';

describe('billing arithmetic', () => {
  it('rounds thousandths of a minor unit half away from zero', () => {
    const cases: [bigint, bigint][] = [
      [0n, 0n],
      [499n, 0n],
      [500n, 1n],
      [1499n, 1n],
      [1500n, 2n],
      [-499n, 0n],
      [-500n, -1n],
      [-1500n, -2n],
      [4_294_967_296n, 4_294_967n],
    ];
    for (const [milli, minor] of cases) {
      assert.equal(roundMilliToMinor(milli), minor, String(milli));
    }
  });

  it('knows months: length, end, consecutive indices', () => {
    assert.deepEqual(
      ['2026-01', '2026-02', '2024-02', '2026-04', '2026-12'].map((month) => daysOfMonth(month).length),
      [31, 28, 29, 30, 31],
    );
    assert.equal(daysOfMonth('2026-02')[27], '2026-02-28');
    assert.equal(new Date(monthEndMs('2026-12')).toISOString(), '2027-01-01T00:00:00.000Z');
    assert.equal(monthIndex('2027-01') - monthIndex('2026-12'), 1);
    assert.equal(new Date(slotEndMs('2026-01-31', 95)).toISOString(), '2026-02-01T00:00:00.000Z');
  });

  it('hashes the ciphertext set line by line in (day, slot) order', () => {
    const slots = [
      { day: '2026-01-01', slot: 0, seq: 1, ciphertext: 'AAAA' },
      { day: '2026-01-01', slot: 12, seq: 2, ciphertext: 'BBBB' },
    ];
    const expected = createHash('sha256').update('2026-01-01 00 AAAA\n2026-01-01 12 BBBB\n').digest('hex');
    assert.equal(ciphertextSetSha256(slots), expected);
    assert.equal(ciphertextSetSha256([]), createHash('sha256').digest('hex'));
  });

  it('gives each slot its band’s price and finds missing runs within each day', () => {
    assert.deepEqual(slotWeights({ bands: [0, 1, 1, 0], pricesMinorPerKWh: [5, 9] }), [5, 9, 9, 5]);
    const recorded = Array.from({ length: 96 }, (_, slot) => ({
      day: '2026-01-02',
      slot,
      seq: slot,
      ciphertext: 'AAAA',
    })).filter(({ slot }) => slot !== 0 && slot !== 50 && slot !== 51);
    const coverage = slotCoverage(['2026-01-01', '2026-01-02'], recorded);
    assert.deepEqual(coverage, {
      slotsExpected: 192,
      slotsReceived: 93,
      missing: [
        { day: '2026-01-01', fromSlot: 0, toSlot: 95 },
        { day: '2026-01-02', fromSlot: 0, toSlot: 0 },
        { day: '2026-01-02', fromSlot: 50, toSlot: 51 },
      ],
    });
  });
});

describe('FE evaluation', () => {
  it(`caches the dlog table in ${FE_CACHE_DIR_ENV}, else under the temporary directory`, () => {
    assert.equal(feCacheDir({ [FE_CACHE_DIR_ENV]: '/var/cache/fe' }), '/var/cache/fe');
    assert.equal(feCacheDir({}), path.join(os.tmpdir(), 'metrochain-fe'));
  });

  it('maps the FE library’s verdicts to chaincode codes and lets faults surface', () => {
    const failing = (code: string) => (): bigint => {
      throw new DomainError({ code, message: code });
    };
    assert.equal(
      evaluateBill(() => 42n, 'k', [], []),
      42n,
    );
    assert.throws(
      () => evaluateBill(failing('FE_NO_RESULT'), 'k', [], []),
      chaincodeErrorWithCode('FE_NO_RESULT'),
    );
    assert.throws(
      () => evaluateBill(failing('FE_KEY_INVALID'), 'k', [], []),
      chaincodeErrorWithCode('INVALID_ARGUMENT'),
    );
    assert.throws(() => evaluateBill(failing('SOMETHING_ELSE'), 'k', [], []), /SOMETHING_ELSE/);
  });
});
