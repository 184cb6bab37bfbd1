import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { isIsoTimestamp, isoDaySchema, isoMonthSchema, isoTimestampSchema } from './event-primitives';

// zod's own check, which isoTimestampSchema replaces for speed: both must accept and refuse the same texts.
const zodDatetime = z.string().datetime({ offset: true });

const ACCEPTED = [
  '2026-11-23T10:00:00Z',
  '2026-11-23T10:00:00.123Z',
  '2026-11-23T10:00:00.123456789+01:00',
  '2026-11-23T23:59:59-0530',
  '2026-11-23T10:00Z',
  '2024-02-29T00:00:00Z',
  '2000-02-29T00:00:00Z',
  '2026-12-31T00:00:00+14:00',
];

const REFUSED = [
  '2026-11-23T10:00:00',
  '2026-11-23 10:00:00Z',
  '2026-11-23',
  '2026-02-29T00:00:00Z',
  '1900-02-29T00:00:00Z',
  '2026-04-31T00:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-00-10T00:00:00Z',
  '2026-11-00T00:00:00Z',
  '2026-11-23T24:00:00Z',
  '2026-11-23T10:60:00Z',
  '2026-11-23T10:00:60Z',
  '2026-11-23T10:00:00.Z',
  '2026-11-23T10:00:00+1:00',
  ' 2026-11-23T10:00:00Z',
  '2026-11-23T10:00:00Z\n',
  'yesterday',
  '',
];

describe('isoTimestampSchema', () => {
  it('accepts what zod datetime({ offset: true }) accepts', () => {
    for (const text of ACCEPTED) {
      assert.equal(zodDatetime.safeParse(text).success, true, text);
      assert.equal(isIsoTimestamp(text), true, text);
      assert.equal(isoTimestampSchema.parse(text), text);
    }
  });

  it('refuses what zod datetime({ offset: true }) refuses, days that do not exist among them', () => {
    for (const text of REFUSED) {
      assert.equal(zodDatetime.safeParse(text).success, false, JSON.stringify(text));
      assert.equal(isIsoTimestamp(text), false, JSON.stringify(text));
      const result = isoTimestampSchema.safeParse(text);
      assert.equal(result.success, false, JSON.stringify(text));
      assert.equal(result.error.issues.length, 1, `one issue for ${JSON.stringify(text)}`);
    }
  });

  it('agrees with zod on every day of four years around a leap year', () => {
    for (let day = Date.UTC(2023, 0, 1); day < Date.UTC(2027, 0, 1); day += 86_400_000) {
      const text = `${new Date(day).toISOString().slice(0, 10)}T12:00:00Z`;
      assert.equal(isIsoTimestamp(text), true, text);
    }
    for (const month of ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12']) {
      for (const day of ['28', '29', '30', '31', '32']) {
        for (const year of ['2023', '2024', '2100', '2400']) {
          const text = `${year}-${month}-${day}T00:00:00Z`;
          assert.equal(isIsoTimestamp(text), zodDatetime.safeParse(text).success, text);
        }
      }
    }
  });

  it('refuses offsets that are no time of day, which zod lets through and Date.parse turns into NaN', () => {
    for (const offset of ['+10:91', '-47:56', '+24:00', '+2360']) {
      const text = `2026-11-23T10:00:00${offset}`;
      assert.equal(isIsoTimestamp(text), false, text);
      assert.ok(Number.isNaN(Date.parse(text)) || offset === '+24:00', text);
    }
    assert.equal(isIsoTimestamp('2026-11-23T10:00:00-23:59'), true);
  });
});

describe('isoDaySchema and isoMonthSchema', () => {
  it('accept days that exist and months 01-12 only', () => {
    for (const day of ['2026-01-31', '2024-02-29', '2000-02-29', '2026-12-01']) {
      assert.ok(isoDaySchema.safeParse(day).success, day);
    }
    for (const day of ['2026-02-29', '1900-02-29', '2026-04-31', '2026-1-01', '2026-01-01T00:00Z', '']) {
      assert.ok(!isoDaySchema.safeParse(day).success, day);
    }
    for (const month of ['2026-01', '2026-12']) {
      assert.ok(isoMonthSchema.safeParse(month).success, month);
    }
    for (const month of ['2026-00', '2026-13', '2026-1', '2026-01-01', '26-01']) {
      assert.ok(!isoMonthSchema.safeParse(month).success, month);
    }
  });
});
