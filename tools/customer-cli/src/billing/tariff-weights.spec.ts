import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '@metrochain/errors';
import { tariffWeights } from './tariff-weights';

const base = { tariffId: 'tou-2026', version: 2 };
const invalid = (pattern: RegExp) => (error: unknown) =>
  error instanceof DomainError && error.code === 'TARIFF_INVALID' && pattern.test(error.message);

describe('tariffWeights', () => {
  it("gives every slot of the day its band's price", () => {
    // Night (band 0) until 06:00, day (band 1) until 22:00, peak (band 2) 17:00-20:00.
    const bands = Array.from({ length: 96 }, (_, slot) =>
      slot < 24 || slot >= 88 ? 0 : slot >= 68 && slot < 80 ? 2 : 1,
    );
    const weights = tariffWeights({ ...base, bands, pricesMinorPerKWh: [18, 31, 45] });
    assert.equal(weights.length, 96);
    assert.deepEqual(
      [weights[0], weights[23], weights[24], weights[67], weights[68], weights[79], weights[80], weights[95]],
      [18, 18, 31, 31, 45, 45, 31, 18],
    );
    assert.deepEqual(
      tariffWeights({ ...base, bands: new Array<number>(96).fill(0), pricesMinorPerKWh: [0] }),
      new Array<number>(96).fill(0),
    );
  });

  it('refuses a tariff without one band per slot or with a band that has no price', () => {
    const bands = new Array<number>(96).fill(0);
    assert.throws(
      () => tariffWeights({ ...base, bands: bands.slice(1), pricesMinorPerKWh: [1] }),
      invalid(/has 95 bands/),
    );
    bands[40] = 3;
    assert.throws(
      () => tariffWeights({ ...base, bands, pricesMinorPerKWh: [1, 2] }),
      invalid(/slot 40 is in band 3/),
    );
  });
});
