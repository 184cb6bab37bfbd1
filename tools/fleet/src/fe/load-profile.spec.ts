import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SLOTS_PER_DAY } from '@metrochain/fe';
import { slotAt } from './fe-slots';
import { MAX_SLOT_WH, householdLoadWh } from './load-profile';

const METERS = ['sim-0a1b2c3d-energy-fe-0001', 'sim-0a1b2c3d-energy-fe-0002', 'sim-ffffffff-energy-fe-9999'];
const DAYS = 62;

describe('the household load profile', () => {
  it('gives whole Wh within 0..3000 for every slot of two months, reproducibly', () => {
    for (const meterId of METERS) {
      for (let index = 0; index < DAYS * SLOTS_PER_DAY; index += 1) {
        const at = slotAt('2026-01-01', index);
        const wh = householdLoadWh(meterId, at);
        assert.ok(
          Number.isInteger(wh) && wh >= 0 && wh <= MAX_SLOT_WH,
          `${meterId} ${at.day}/${at.slot}: ${wh}`,
        );
        assert.equal(householdLoadWh(meterId, at), wh);
      }
    }
    assert.equal(MAX_SLOT_WH, 3000);
  });

  it('has a base load at night and peaks in the morning and the evening; households differ', () => {
    const meterId = METERS[0] ?? '';
    const average = (fromHour: number, toHour: number): number => {
      let sum = 0;
      let count = 0;
      for (let day = 0; day < DAYS; day += 1) {
        for (let slot = fromHour * 4; slot < toHour * 4; slot += 1) {
          sum += householdLoadWh(meterId, slotAt('2026-01-01', day * SLOTS_PER_DAY + slot));
          count += 1;
        }
      }
      return sum / count;
    };
    const night = average(1, 4);
    assert.ok(night > 20, `night ${night}`);
    assert.ok(average(6, 9) > 1.5 * night, 'morning peak');
    assert.ok(average(18, 21) > 2 * night, 'evening peak');
    const at = { day: '2026-01-05', slot: 76 };
    assert.notEqual(householdLoadWh(METERS[0] ?? '', at), householdLoadWh(METERS[1] ?? '', at));
  });
});
