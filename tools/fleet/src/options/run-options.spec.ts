import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '@metrochain/errors';
import { parseRunOptions } from './run-options';
import { parseWatchOptions } from './watch-options';

const usage = (pattern: RegExp) => (error: unknown) =>
  error instanceof DomainError && error.code === 'USAGE' && pattern.test(error.message);

describe('parseRunOptions', () => {
  it('has modest defaults: 4 + 4 meters, no FE meters, 2 readings/s, batches of 10, noise on, until stopped', () => {
    assert.deepEqual(parseRunOptions([]), {
      speedMeters: 4,
      energyMeters: 4,
      feMeters: 0,
      rate: 2,
      durationS: undefined,
      batch: 10,
      noise: true,
      speedKmh: { min: 30, max: 180 },
      measurementUrl: undefined,
      networkFile: undefined,
      stateDir: undefined,
      json: false,
      watch: false,
      faults: undefined,
    });
  });

  it('reads every option', () => {
    const options = parseRunOptions([
      '--speed-meters=10',
      '--energy-meters',
      '0',
      '--fe-meters',
      '2',
      '--rate',
      '0.5',
      '--duration-s',
      '30',
      '--batch',
      '500',
      '--no-noise',
      '--speed-kmh',
      '50-50.5',
      '--measurement-url',
      'http://127.0.0.1:9999/',
      '--network-file',
      'n.json',
      '--state-dir',
      '/tmp/fleet',
      '--json',
      '--watch',
    ]);
    assert.deepEqual(options, {
      speedMeters: 10,
      energyMeters: 0,
      feMeters: 2,
      rate: 0.5,
      durationS: 30,
      batch: 500,
      noise: false,
      speedKmh: { min: 50, max: 50.5 },
      measurementUrl: 'http://127.0.0.1:9999',
      networkFile: 'n.json',
      stateDir: '/tmp/fleet',
      json: true,
      watch: true,
      faults: undefined,
    });
    assert.deepEqual(parseRunOptions(['--speed-kmh', '90']).speedKmh, { min: 90, max: 90 });
  });

  it('refuses malformed values, naming the option', () => {
    assert.throws(() => parseRunOptions(['--speed-meters', '-1']), usage(/--speed-meters/));
    assert.throws(
      () => parseRunOptions(['--speed-meters', '2.5']),
      usage(/--speed-meters: expected a whole/),
    );
    assert.throws(() => parseRunOptions(['--fe-meters', '-1']), usage(/--fe-meters/));
    assert.throws(() => parseRunOptions(['--fe-meters', '10001']), usage(/--fe-meters/));
    assert.throws(() => parseRunOptions(['--rate', '0']), usage(/--rate: expected a number above 0/));
    assert.throws(() => parseRunOptions(['--rate', 'fast']), usage(/--rate/));
    assert.throws(() => parseRunOptions(['--duration-s', '1e3']), usage(/--duration-s/));
    assert.throws(
      () => parseRunOptions(['--batch', '0']),
      usage(/--batch: expected a whole number from 1 to 500/),
    );
    assert.throws(() => parseRunOptions(['--batch', '501']), usage(/--batch/));
    assert.throws(() => parseRunOptions(['--speed-kmh', '180-30']), usage(/--speed-kmh: expected low-high/));
    assert.throws(() => parseRunOptions(['--speed-kmh', '0-30']), usage(/--speed-kmh/));
    assert.throws(() => parseRunOptions(['--speed-kmh', '30-60-90']), usage(/--speed-kmh/));
    assert.throws(() => parseRunOptions(['--measurement-url', 'localhost:3003']), usage(/--measurement-url/));
    assert.throws(() => parseRunOptions(['--measurement-url', 'ftp://x']), usage(/http or https/));
  });

  it('refuses unknown options, missing values and stray words', () => {
    assert.throws(() => parseRunOptions(['--meters', '3']), usage(/--meters/));
    assert.throws(() => parseRunOptions(['--rate']), usage(/--rate/));
    assert.throws(() => parseRunOptions(['fast']), usage(/fast/));
    assert.throws(() => parseRunOptions(['--no-rate']), usage(/rate/));
  });
});

describe('parseWatchOptions', () => {
  it('polls every 2 s by default and reads its options', () => {
    assert.deepEqual(parseWatchOptions([]), {
      measurementUrl: undefined,
      networkFile: undefined,
      intervalS: 2,
      once: false,
      json: false,
    });
    assert.equal(parseWatchOptions(['--interval-s', '0.5', '--once']).intervalS, 0.5);
    assert.throws(() => parseWatchOptions(['--interval-s', '0']), usage(/--interval-s/));
  });
});
