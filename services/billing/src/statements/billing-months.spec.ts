import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closableMonths, monthEndMs, monthOf, monthWithin, nextMonth } from './billing-months';

const DAY = 24 * 3600 * 1000;

describe('billing months', () => {
  it('steps over the year end and knows where a month ends', () => {
    assert.equal(nextMonth('2026-12'), '2027-01');
    assert.equal(nextMonth('2026-01'), '2026-02');
    assert.equal(monthEndMs('2028-02'), Date.parse('2028-03-01T00:00:00Z'));
    assert.equal(monthOf(Date.parse('2026-02-28T23:59:59.999Z')), '2026-02');
    assert.throws(() => nextMonth('2026-13'), RangeError);
  });

  it('closes a month only once its grace window has passed', () => {
    const now = Date.parse('2026-04-03T12:00:00Z');
    assert.deepEqual(closableMonths('2026-01', now, 3 * DAY), ['2026-01', '2026-02']);
    assert.deepEqual(closableMonths('2026-01', now, 2 * DAY), ['2026-01', '2026-02', '2026-03']);
    assert.deepEqual(closableMonths('2026-04', now, 0), []);
  });

  it('treats validTo as exclusive and its absence as open-ended', () => {
    assert.equal(monthWithin('2026-01', '2026-01', '2026-02'), true);
    assert.equal(monthWithin('2026-02', '2026-01', '2026-02'), false);
    assert.equal(monthWithin('2030-02', '2026-01', undefined), true);
    assert.equal(monthWithin('2025-12', '2026-01', undefined), false);
  });
});
