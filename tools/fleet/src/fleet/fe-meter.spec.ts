import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { slotEndMs, type FeSlot } from '../fe/fe-slots';
import type { SentReading } from '../state/meter-record';
import { StateStore } from '../state/state-store';
import { fakeEncrypt, fakeSeeds } from '../testing/fake-fe';
import { loadMeters } from './meter-roster';
import { newReadingFactory } from './reading-factory';
import type { SimulatedMeter } from './simulated-meter';

// Installed on 2026-03-10: the meter's slots start at slot 0 of 2026-02-01.
const INSTALLED = new Date('2026-03-10T05:07:00.000Z');
const COUNTS = { speed: 0, energy: 0, 'energy-fe': 1 };
const factory = newReadingFactory({
  noise: false,
  speedKmh: { min: 30, max: 180 },
  rate: 2,
  random: () => 0.5,
  encrypt: fakeEncrypt(),
});

function open(dir: string): { store: StateStore; meter: SimulatedMeter } {
  const store = StateStore.open(dir);
  const [meter] = loadMeters(store, COUNTS, { generateSeed: fakeSeeds(), now: INSTALLED });
  assert.ok(meter !== undefined);
  return { store, meter };
}

function slotOf(entry: SentReading): FeSlot {
  const payload = entry.reading.payload as { day: string; slot: number };
  return { day: payload.day, slot: payload.slot };
}

/** Every reading the meter signs at `now` until its next slot has not ended. */
function drain(meter: SimulatedMeter, now: Date): SentReading[] {
  const entries: SentReading[] = [];
  for (
    let entry = meter.nextReading(factory, now);
    entry !== undefined;
    entry = meter.nextReading(factory, now)
  ) {
    entries.push(entry);
  }
  return entries;
}

describe('an energy-fe meter walking its slots', () => {
  it('starts at slot 0 of the previous month, one slot per reading, never a slot that has not ended', () => {
    const { store, meter } = open(mkdtempSync(path.join(tmpdir(), 'fleet-fe-')));
    const record = meter.snapshot();
    assert.match(meter.meterId, /^sim-[0-9a-f]{8}-energy-fe-0001$/);
    assert.equal(meter.model, 'SIM-ENERGY-FE');
    assert.deepEqual(
      { ...record.fe, seed: undefined },
      {
        seed: undefined,
        customer: 'customer-0001',
        installedDay: '2026-02-01',
        nextSlot: 0,
      },
    );

    const early = drain(meter, new Date('2026-02-01T00:44:00.000Z'));
    assert.deepEqual(early.map(slotOf), [
      { day: '2026-02-01', slot: 0 },
      { day: '2026-02-01', slot: 1 },
    ]);
    assert.equal(meter.nextReading(factory, new Date('2026-02-01T00:44:00.000Z')), undefined);
    const backlog = [...early, ...drain(meter, INSTALLED)];
    // 28 days of February, 9 of March, and 20 slots up to 05:00 on 2026-03-10.
    assert.equal(backlog.length, 37 * 96 + 20);
    backlog.forEach((entry, index) => {
      assert.equal(entry.reading.seq, index);
      assert.equal(entry.reading.kind, 'energy-fe');
      const at = slotOf(entry);
      assert.ok(slotEndMs(at) <= Date.parse(entry.reading.measuredAt), `${at.day}/${at.slot} has ended`);
      assert.deepEqual(entry.truth, { ...entry.truth, kind: 'energy-fe', day: at.day, slot: at.slot });
    });
    assert.equal(new Set(backlog.map((entry) => JSON.stringify(slotOf(entry)))).size, backlog.length);
    assert.deepEqual(slotOf(backlog.at(-1) as SentReading), { day: '2026-03-10', slot: 19 });
    assert.deepEqual(meter.nextFeSlot, { day: '2026-03-10', slot: 20 });
    // Then real time: one reading per slot, once it has ended.
    assert.equal(meter.nextReading(factory, new Date('2026-03-10T05:14:59.000Z')), undefined);
    const next = meter.nextReading(factory, new Date('2026-03-10T05:15:00.000Z'));
    assert.ok(next !== undefined);
    assert.deepEqual([slotOf(next), next.reading.seq], [{ day: '2026-03-10', slot: 20 }, backlog.length]);
    store.close();
  });

  it('resumes after a restart: slots handed to a POST are never signed again, unsent ones are signed afresh', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fleet-fe-'));
    const first = open(dir);
    const seed = first.meter.snapshot().fe?.seed;
    const signed = drain(first.meter, new Date('2026-02-01T01:15:00.000Z'));
    assert.equal(signed.length, 5);
    // Slots 0-2 went to a POST without an answer; 3 and 4 were signed only. Then the fleet stops.
    first.meter.markPending(signed.slice(0, 3));
    first.store.saveMeter(first.meter.snapshot());
    first.store.close();

    const second = open(dir);
    assert.equal(second.meter.snapshot().fe?.seed, seed, 'the seed of the installation, not a new one');
    assert.deepEqual(
      second.meter.pending.map((entry) => entry.readingId),
      signed.slice(0, 3).map((entry) => entry.readingId),
    );
    const resumed = drain(second.meter, new Date('2026-02-01T01:30:00.000Z'));
    assert.deepEqual(
      resumed.map((entry) => [entry.reading.seq, slotOf(entry).slot]),
      [
        [3, 3],
        [4, 4],
        [5, 5],
      ],
    );
    second.meter.markAccepted(new Set(signed.slice(0, 3).map((entry) => entry.readingId)));
    second.meter.markPending(resumed);
    second.store.saveMeter(second.meter.snapshot());
    second.store.close();

    const third = open(dir);
    assert.equal(third.meter.snapshot().fe?.nextSlot, 6);
    assert.deepEqual(third.meter.nextFeSlot, { day: '2026-02-01', slot: 6 });
    assert.equal(third.meter.nextSeq, 6);
    third.store.close();
  });
});
