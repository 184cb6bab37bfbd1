import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDomainError } from '@metrochain/errors';
import { matchesFilter, parseStreamFilter } from './stream-filter';
import { verificationRecord } from './stream-fixtures';

const valid = verificationRecord({ meterId: 'meter-1', outcome: 'valid' });
const invalid = verificationRecord({ meterId: 'meter-2', outcome: 'invalid' });

describe('parseStreamFilter', () => {
  it('takes no filter, either filter or both', () => {
    assert.deepEqual(parseStreamFilter({}), {});
    assert.deepEqual(parseStreamFilter(undefined), {});
    assert.deepEqual(parseStreamFilter({ meterId: 'meter-1' }), { meterId: 'meter-1' });
    assert.deepEqual(parseStreamFilter({ outcome: 'invalid' }), { outcome: 'invalid' });
    assert.deepEqual(parseStreamFilter({ meterId: 'm:1', outcome: 'valid' }), {
      meterId: 'm:1',
      outcome: 'valid',
    });
  });

  it('refuses bad values, repeated and unknown parameters with REQUEST_INVALID', () => {
    const queries: unknown[] = [
      { outcome: 'VALID' },
      { outcome: '' },
      { meterId: '' },
      { meterId: 'meter 1' },
      { meterId: ['a', 'b'] },
      { meterid: 'meter-1' },
      { since: '2025-01-01' },
    ];
    for (const query of queries) {
      assert.throws(
        () => parseStreamFilter(query),
        (error: unknown) => isDomainError(error) && error.code === 'REQUEST_INVALID',
        JSON.stringify(query),
      );
    }
  });
});

describe('matchesFilter', () => {
  it('matches everything without a filter', () => {
    assert.equal(matchesFilter({}, valid), true);
    assert.equal(matchesFilter({}, invalid), true);
  });

  it('matches on meter and outcome, both when both are given', () => {
    assert.equal(matchesFilter({ meterId: valid.meterId }, valid), true);
    assert.equal(matchesFilter({ meterId: 'other' }, valid), false);
    assert.equal(matchesFilter({ outcome: 'valid' }, valid), true);
    assert.equal(matchesFilter({ outcome: 'valid' }, invalid), false);
    assert.equal(matchesFilter({ meterId: invalid.meterId, outcome: 'invalid' }, invalid), true);
    assert.equal(matchesFilter({ meterId: invalid.meterId, outcome: 'valid' }, invalid), false);
  });
});
