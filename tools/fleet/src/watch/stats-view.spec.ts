import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MeasurementStatsResponse, MeasurementsRecordedV1 } from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import { StatsPrinter } from './stats-printer';
import { clock, renderStatsBlock, renderStatsLine } from './stats-view';

const AT = new Date('2026-01-05T10:00:04.000Z');
const TX = '3fa9c1d2'.padEnd(64, '0');
const DIGEST = 'ab'.repeat(32);

function measurement(
  meterId: string,
  seq: number,
  result: MeasurementsRecordedV1['result'],
): MeasurementsRecordedV1 {
  const at = '2026-01-05T10:00:03.000Z';
  return {
    meterId,
    seq,
    measuredAt: at,
    result,
    readingDigest: DIGEST,
    lrFingerprint: DIGEST,
    recordedAt: at,
    txId: TX,
    blockNumber: 118,
  };
}

const speed = (seq: number): MeasurementsRecordedV1 =>
  measurement('sim-0a1b2c3d-speed-0001', seq, {
    kind: 'speed',
    speedKmh: 87.349,
    activationAS: 0.1,
    activationBS: 0.2,
    deltaTS: 0.1,
  });
const energy = measurement('sim-0a1b2c3d-energy-0002', 40, {
  kind: 'energy',
  energyWh: 0.1344,
  samples: 2000,
  durationS: 0.5,
  meterTotalWh: 12,
});

const encrypted = measurement('sim-0a1b2c3d-energy-fe-0001', 7, {
  kind: 'energy-fe',
  day: '2026-01-04',
  slot: 37,
  ciphertext: 'A'.repeat(43) + '=',
});

const SAMPLE: MeasurementStatsResponse = {
  since: '2026-01-05T09:00:00.000Z',
  windowS: 10,
  totals: { accepted: 1234, verified: 1230, recorded: 1228, rejected: 2 },
  perSecond: { accepted: 16, verified: 15.96, recorded: 15.8, rejected: 0 },
  latest: [speed(42), energy, speed(41), speed(40), speed(39), speed(38)],
};
const FLEET = { meters: 8, sent: 1240, pending: 6, retries: 1 };

describe('the live view', () => {
  it('renders rates, totals, the fleet and the latest five measurements in one block', () => {
    const block = renderStatsBlock(SAMPLE, AT, FLEET);
    assert.equal(block[0], `metrochain measurement  ${clock(AT)}  (per second over the last 10 s)`);
    assert.match(block[1] ?? '', /accepted\s+verified\s+recorded\s+rejected$/);
    assert.match(block[2] ?? '', /^ {2}per second\s+16\.0\s+16\.0\s+15\.8\s+0\.0$/);
    assert.match(block[3] ?? '', /^ {2}total\s+1234\s+1230\s+1228\s+2$/);
    assert.equal(block[4], '  fleet: 8 meters, 1240 sent, 6 pending, 1 retries');
    assert.equal(block[5], '  latest measurements');
    assert.equal(block.length, 11);
    assert.match(block[6] ?? '', /^ {4}sim-0a1b2c3d-speed-0001\s+#42\s+87\.3 km\/h\s+tx 3fa9c1d2 block 118$/);
    assert.match(block[7] ?? '', /sim-0a1b2c3d-energy-0002\s+#40\s+0\.134 Wh\s+tx 3fa9c1d2 block 118$/);
    const fe = renderStatsBlock({ ...SAMPLE, latest: [encrypted] }, AT);
    assert.match(fe[5] ?? '', /sim-0a1b2c3d-energy-fe-0001\s+#7\s+enc 01-04 09:15\s+tx 3fa9c1d2 block 118$/);
    assert.equal(fe.join('\n').includes('AAAA'), false, 'the ciphertext is not shown');
    const empty = renderStatsBlock({ ...SAMPLE, latest: [] }, AT);
    assert.equal(empty.at(-1), '  latest measurements: none yet');
  });

  it('renders one plain line for logs', () => {
    assert.equal(
      renderStatsLine(SAMPLE, AT),
      `${clock(AT)} per s: accepted 16.0 verified 16.0 recorded 15.8 rejected 0.0 | total: accepted 1234 verified 1230 recorded 1228 rejected 2`,
    );
  });

  it('without a terminal prints plain lines, each measurement once, and no escape codes', () => {
    let out = '';
    const printer = new StatsPrinter({ write: (text) => (out += text) }, 'lines');
    printer.sample(SAMPLE, AT);
    printer.sample({ ...SAMPLE, latest: [speed(43), ...SAMPLE.latest] }, AT);
    printer.failure(new DomainError({ code: 'SERVICE_UNREACHABLE', message: 'refused' }), AT);
    assert.equal(out.includes('\x1b'), false);
    const recorded = out.split('\n').filter((line) => line.startsWith('  recorded'));
    assert.deepEqual(
      recorded.map((line) => /#(\d+)/.exec(line)?.[1]),
      ['39', '40', '41', '40', '42', '43'],
    );
    assert.match(out, /measurement service unavailable: SERVICE_UNREACHABLE: refused\n$/);
  });

  it('on a terminal redraws the block in place', () => {
    const writes: string[] = [];
    const printer = new StatsPrinter({ write: (text) => writes.push(text) }, 'redraw');
    printer.sample(SAMPLE, AT, FLEET);
    printer.sample(SAMPLE, AT, FLEET);
    assert.equal(writes[0]?.includes('\x1b'), false);
    assert.ok(writes[1]?.startsWith('\x1b[11F\x1b[J'));
  });

  it('with --json prints the sample as one object per line', () => {
    let out = '';
    new StatsPrinter({ write: (text) => (out += text) }, 'json').sample(SAMPLE, AT);
    const parsed = JSON.parse(out) as Record<string, unknown>;
    assert.deepEqual([parsed['type'], parsed['at'], parsed['windowS']], ['stats', AT.toISOString(), 10]);
  });
});
