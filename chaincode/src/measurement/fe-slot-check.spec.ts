import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ReadingOutcome, readingDigestOf } from '@metrochain/contracts';
import { feSlotKey, readFeSlotsOfMonth } from '../billing/fe-slot-index';
import { HOUR, T0, activeMeter, newMeterKeys } from '../registry/testing/registry-fixtures';
import { newStubContext } from '../testing/stub-context';
import {
  fakeCiphertext,
  feReading,
  lrWithoutFe,
  readMeasurement,
  recordAs,
} from './testing/measurement-fixtures';

const keys = newMeterKeys();
const DAY = '2026-01-01';
// The meter is active from 01:00 and transactions run at 03:00 (T0 + 3 h): slots 4..11 of DAY fit.
const withoutFe = { compute: lrWithoutFe };

function statusesOf(outcomes: readonly ReadingOutcome[]): string[] {
  return outcomes.map((outcome) => (outcome.status === 'rejected' ? outcome.reason : outcome.status));
}

function storedText(state: ReadonlyMap<string, Uint8Array>, key: string): string | undefined {
  const value = state.get(key);
  return value === undefined ? undefined : Buffer.from(value).toString('utf8');
}

describe('recordBatch of energy-fe readings', () => {
  it('records the measurement and the slot index entry { seq, ciphertext, readingDigest }', async () => {
    const state = await activeMeter('meter-1', keys);
    const reading = feReading('meter-1', keys, 1, { day: DAY, slot: 7, ciphertext: fakeCiphertext(9) });
    const result = await recordAs(state, [reading], withoutFe);
    assert.deepEqual(statusesOf(result.outcomes), ['recorded']);
    const record = await readMeasurement(state, 'meter-1', 1);
    assert.deepEqual(record.result, { kind: 'energy-fe', day: DAY, slot: 7, ciphertext: fakeCiphertext(9) });
    const { ctx } = newStubContext({ state });
    const digest = readingDigestOf(reading);
    assert.equal(
      storedText(state, feSlotKey(ctx, 'meter-1', DAY, 7)),
      `{"ciphertext":"${fakeCiphertext(9)}","readingDigest":"${digest}","seq":1}`,
    );
    assert.ok(feSlotKey(ctx, 'meter-1', DAY, 7).endsWith('\u00002026-01-01\u000007\u0000'));
    assert.deepEqual(await readFeSlotsOfMonth(ctx, 'meter-1', '2026-01'), [
      { day: DAY, slot: 7, seq: 1, ciphertext: fakeCiphertext(9) },
    ]);
    // Meters and progress, then records and slots, then one write: the slot costs no message of its own.
    assert.deepEqual(result.messages, ['GetStateMultiple', 'GetStateMultiple', 'WriteBatchState']);
  });

  it('refuses a slot that had not ended by measuredAt and writes nothing for it', async () => {
    const state = await activeMeter('meter-1', keys);
    const slotEnd = Date.parse(`${DAY}T02:15:00Z`);
    const early = feReading('meter-1', keys, 1, {
      day: DAY,
      slot: 8,
      measuredAt: new Date(slotEnd - 1).toISOString(),
    });
    const onTime = feReading('meter-1', keys, 2, {
      day: DAY,
      slot: 8,
      measuredAt: new Date(slotEnd).toISOString(),
    });
    const result = await recordAs(state, [early, onTime], withoutFe);
    assert.deepEqual(statusesOf(result.outcomes), ['SENSOR_DATA_IMPLAUSIBLE', 'recorded']);
    const [refused] = result.outcomes;
    assert.ok(refused?.status === 'rejected');
    assert.equal(refused.lrCode, 'FE_SLOT_NOT_ENDED');
    assert.match(refused.detail, /slot 8 of 2026-01-01 had not ended/);
    const { ctx } = newStubContext({ state });
    assert.deepEqual(
      (await readFeSlotsOfMonth(ctx, 'meter-1', '2026-01')).map((slot) => slot.seq),
      [2],
    );
  });

  it('refuses a second ciphertext for a slot, in a later batch and within one batch (FE_SLOT_TAKEN)', async () => {
    const state = await activeMeter('meter-1', keys);
    await recordAs(state, [feReading('meter-1', keys, 1, { day: DAY, slot: 4 })], withoutFe);
    const again = feReading('meter-1', keys, 2, { day: DAY, slot: 4, ciphertext: fakeCiphertext(200) });
    const result = await recordAs(
      state,
      [
        again,
        feReading('meter-1', keys, 3, { day: DAY, slot: 5 }),
        feReading('meter-1', keys, 4, { day: DAY, slot: 5 }),
        feReading('meter-2', keys, 1, { day: DAY, slot: 4 }),
      ],
      { ...withoutFe, txId: 'tx-2' },
    );
    assert.deepEqual(statusesOf(result.outcomes), [
      'FE_SLOT_TAKEN',
      'recorded',
      'FE_SLOT_TAKEN',
      'METER_UNKNOWN',
    ]);
    const [taken] = result.outcomes;
    assert.ok(taken?.status === 'rejected');
    assert.equal(taken.detail, 'slot 4 of 2026-01-01 holds the ciphertext of seq 1');
    const { ctx } = newStubContext({ state });
    const slots = await readFeSlotsOfMonth(ctx, 'meter-1', '2026-01');
    assert.deepEqual(
      slots.map(({ slot, seq }) => [slot, seq]),
      [
        [4, 1],
        [5, 3],
      ],
    );
    assert.equal(slots[0]?.ciphertext, fakeCiphertext(1));
  });

  it('answers a redelivered reading as a duplicate, not as a taken slot', async () => {
    const state = await activeMeter('meter-1', keys);
    const reading = feReading('meter-1', keys, 1, { day: DAY, slot: 5 });
    await recordAs(state, [reading], withoutFe);
    const result = await recordAs(state, [reading], { ...withoutFe, seconds: T0 + 4 * HOUR });
    assert.deepEqual(statusesOf(result.outcomes), ['duplicate']);
  });

  it('lists a month only: slots of the days before and after it stay out', async () => {
    const state = await activeMeter('meter-1', keys);
    const { ctx } = newStubContext({ state });
    for (const [day, seq] of [
      ['2025-12-31', 1],
      ['2026-01-31', 2],
      ['2026-02-01', 3],
    ] as const) {
      state.set(
        feSlotKey(ctx, 'meter-1', day, 95),
        Buffer.from(JSON.stringify({ seq, ciphertext: fakeCiphertext(seq), readingDigest: 'a'.repeat(64) })),
      );
    }
    const slots = await readFeSlotsOfMonth(ctx, 'meter-1', '2026-01');
    assert.deepEqual(
      slots.map(({ day, slot }) => [day, slot]),
      [['2026-01-31', 95]],
    );
  });
});
