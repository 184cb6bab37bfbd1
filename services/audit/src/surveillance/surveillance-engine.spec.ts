import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MeasurementsRecordedV1, ReadingsReceivedV1, ReadingsRejectedV1 } from '@metrochain/contracts';
import { SURVEILLANCE_DEFAULTS } from '../config/surveillance.config';
import { SurveillanceEngine } from './surveillance-engine';

const T0 = Date.parse('2026-01-05T10:00:00.000Z');
const iso = (ms: number): string => new Date(ms).toISOString();
const DIGEST = 'a'.repeat(64);

function received(
  meterId: string,
  seq: number,
  payload: Record<string, unknown>,
  skewMs = 0,
): ReadingsReceivedV1 {
  const at = T0 + seq * 500;
  return {
    reading: { meterId, seq, measuredAt: iso(at + skewMs), kind: 'energy', payload, signature: 'c2ln' },
    receivedAt: iso(at + 20),
  };
}

function recorded(meterId: string, seq: number, speedKmh: number): MeasurementsRecordedV1 {
  const at = iso(T0 + seq * 500);
  return {
    meterId,
    seq,
    measuredAt: at,
    result: { kind: 'speed', speedKmh, activationAS: 0, activationBS: 0.1, deltaTS: 0.1 },
    readingDigest: DIGEST,
    lrFingerprint: DIGEST,
    recordedAt: at,
    txId: 'tx',
    blockNumber: 1,
  };
}

const engine = (): SurveillanceEngine =>
  new SurveillanceEngine({ ...SURVEILLANCE_DEFAULTS, gapGraceMs: 1000, roads: { 'm-*': 'A1' } });

describe('surveillance engine', () => {
  it('turns a gap on readings.received.v1 into a finding after the grace, and lists the meter', () => {
    const subject = engine();
    for (const seq of [0, 1, 2, 6, 7]) {
      assert.deepEqual(subject.received(received('m-1', seq, { n: seq })), []);
    }
    const [gap] = subject.check(T0 + 60_000);
    assert.deepEqual(
      [gap?.category, gap?.evidence['missingFrom'], gap?.evidence['missingTo']],
      ['seq-anomaly', 3, 5],
    );
    const [meter] = subject.meters();
    assert.equal(meter?.road, 'A1');
    assert.equal(meter.received, 5);
    assert.equal(meter.highestSeq, 7);
  });

  it('finds one payload on three seqs', () => {
    const subject = engine();
    const alarms = [0, 1, 2].flatMap((seq) => subject.received(received('m-1', seq, { samples: [1, 2, 3] })));
    assert.deepEqual(
      alarms.map((alarm) => alarm.category),
      ['stuck-values'],
    );
  });

  it('counts rejections and signature failures into the rate chart and the CUSUMs', () => {
    const subject = engine();
    for (let seq = 0; seq < 20; seq += 1) {
      subject.recorded(recorded('m-1', seq, 80 + (seq % 7)), T0);
    }
    const rejected: ReadingsRejectedV1 = {
      reading: received('m-2', 0, {}).reading,
      reason: 'SIGNATURE_INVALID',
      rejectedBy: 'PTBMSP',
      rejectedAt: iso(T0),
    };
    const alarms = Array.from({ length: 5 }, () => subject.rejected(rejected, T0)).flat();
    assert.ok(alarms.some((alarm) => alarm.meterId === 'm-2' && alarm.evidence['kind'] === 'signature'));
    const rates = subject.rates();
    assert.equal(rates.signatureFailures[0]?.failures, 5);
    assert.equal(rates.rejections[0]?.readings, 25);
    const meter = subject.meters().find((entry) => entry.meterId === 'm-2');
    assert.equal(meter?.outcomes.signatureFailures, 5);
  });
});
