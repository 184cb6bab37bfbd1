import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { installationDayOf, slotAt, slotEndMs, slotHasEnded, slotIndexOf, slotsOfMonth } from './fe-slots';

describe('FE slots', () => {
  it('installs a meter on the first day of the previous UTC month', () => {
    assert.equal(installationDayOf(new Date('2026-03-10T05:07:00Z')), '2026-02-01');
    assert.equal(installationDayOf(new Date('2026-01-01T00:00:00Z')), '2025-12-01');
    assert.equal(installationDayOf(new Date('2026-03-31T23:59:59.999Z')), '2026-02-01');
  });

  it('numbers slots from slot 0 of the installation day, across days and months', () => {
    assert.deepEqual(slotAt('2026-02-01', 0), { day: '2026-02-01', slot: 0 });
    assert.deepEqual(slotAt('2026-02-01', 95), { day: '2026-02-01', slot: 95 });
    assert.deepEqual(slotAt('2026-02-01', 96), { day: '2026-02-02', slot: 0 });
    assert.deepEqual(slotAt('2026-02-01', 28 * 96 + 5), { day: '2026-03-01', slot: 5 });
    for (const index of [0, 1, 95, 96, 2700, 28 * 96 + 5, 40 * 96 + 95]) {
      assert.equal(slotIndexOf('2026-02-01', slotAt('2026-02-01', index)), index);
    }
  });

  it('ends a slot at day 00:00Z + (slot + 1)·15 min', () => {
    assert.equal(slotEndMs({ day: '2026-02-01', slot: 0 }), Date.parse('2026-02-01T00:15:00Z'));
    assert.equal(slotEndMs({ day: '2026-02-01', slot: 95 }), Date.parse('2026-02-02T00:00:00Z'));
    const at = { day: '2026-02-01', slot: 37 };
    assert.equal(slotHasEnded(at, Date.parse('2026-02-01T09:29:59.999Z')), false);
    assert.equal(slotHasEnded(at, Date.parse('2026-02-01T09:30:00.000Z')), true);
  });
});

describe('slotsOfMonth', () => {
  it('lists 96 slots for every day of the month, in order, leap days included', () => {
    const february = slotsOfMonth('2028-02');
    assert.equal(february.length, 29 * 96);
    assert.deepEqual(february[0], { day: '2028-02-01', slot: 0 });
    assert.deepEqual(february.at(-1), { day: '2028-02-29', slot: 95 });
    assert.equal(slotsOfMonth('2026-12').length, 31 * 96);
  });
});
