import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { beforeEach, describe, it } from 'node:test';
import type { Reading } from '@metrochain/contracts';
import { isDomainError } from '@metrochain/errors';
import { LedgerError } from '@metrochain/ledger';
import { FakeEventProducer } from '@metrochain/messaging/testing';
import { signData } from '@metrochain/pki';
import canonicalize from 'canonicalize';
import { ACTIVATED_AT, meterRecord, newMeterKey } from '../testing/meter-fixtures';
import { FakeDirectory, RecordingSink } from '../testing/verification-fakes';
import { VerificationEngine } from '../verify/verification.engine';
import { ReadingVerifier } from './reading-verifier';

const key = newMeterKey();
const NOW = Date.parse('2025-03-01T12:00:00.000Z');
const SKEW_MS = 60_000;
const TRACE = { trace: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' } };
const SIGNED_TEXT =
  '{"kind":"energy","measuredAt":"2025-03-01T11:59:00.000Z","meterId":"meter-1","payload":{"phases":[1,2,3],"wh":1200},"seq":7}';

// Fields deliberately out of canonical order.
function unsignedReading(fields: Partial<Omit<Reading, 'signature'>> = {}): Omit<Reading, 'signature'> {
  return {
    seq: 7,
    meterId: 'meter-1',
    payload: { wh: 1200, phases: [1, 2, 3] },
    measuredAt: '2025-03-01T11:59:00.000Z',
    kind: 'energy',
    ...fields,
  };
}

/** A reading signed as a meter signs it: over the canonical JSON of everything but the signature. */
function signedReading(fields: Partial<Omit<Reading, 'signature'>> = {}): Reading {
  const unsigned = unsignedReading(fields);
  return { ...unsigned, signature: signData(key.privateKey, canonicalize(unsigned) ?? '') };
}

describe('ReadingVerifier', () => {
  let directory: FakeDirectory;
  let sink: RecordingSink;
  let producer: FakeEventProducer;
  let verifier: ReadingVerifier;
  beforeEach(() => {
    directory = new FakeDirectory()
      .add(meterRecord('meter-1', key, { activatedAt: ACTIVATED_AT }))
      .add(meterRecord('meter-p', key))
      .add(
        meterRecord('meter-r', key, { activatedAt: ACTIVATED_AT, revokedFrom: '2025-02-01T00:00:00.000Z' }),
      );
    sink = new RecordingSink();
    producer = new FakeEventProducer();
    const engine = new VerificationEngine({
      directory,
      log: sink,
      verifiedBy: 'PTBMSP',
      futureSkewMs: SKEW_MS,
      now: () => NOW,
    });
    verifier = new ReadingVerifier(engine, producer);
  });

  it('forwards a valid reading untouched to readings.verified.v1 with the trace, after logging it', async () => {
    const reading = signedReading();
    const original = structuredClone(reading);
    await verifier.handle({ reading, receivedAt: '2025-03-01T11:59:01.000Z' }, TRACE);
    assert.deepEqual(producer.events, [
      {
        topic: 'readings.verified.v1',
        key: 'meter-1',
        value: { reading: original, verifiedBy: 'PTBMSP', verifiedAt: '2025-03-01T12:00:00.000Z' },
        metadata: TRACE,
      },
    ]);
    const [record] = sink.records;
    assert.equal(record?.source, 'pipeline');
    assert.equal(record.seq, 7);
    assert.equal(record.measuredAt, reading.measuredAt);
    assert.equal(record.dataDigest, createHash('sha256').update(SIGNED_TEXT).digest('hex'));
  });

  const rejections: [string, () => Reading][] = [
    ['SIGNATURE_INVALID', () => ({ ...signedReading(), payload: { wh: 1201, phases: [1, 2, 3] } })],
    [
      'SIGNATURE_INVALID',
      () => ({
        ...unsignedReading(),
        signature: signData(key.privateKey, JSON.stringify(unsignedReading())),
      }),
    ],
    ['SIGNATURE_MALFORMED', () => ({ ...signedReading(), signature: 'AAAA' })],
    ['METER_UNKNOWN', () => signedReading({ meterId: 'meter-9' })],
    ['METER_NOT_ACTIVE', () => signedReading({ meterId: 'meter-p' })],
    ['METER_REVOKED', () => signedReading({ meterId: 'meter-r' })],
    ['TIMESTAMP_IN_FUTURE', () => signedReading({ measuredAt: new Date(NOW + SKEW_MS + 1).toISOString() })],
  ];
  for (const [reason, make] of rejections) {
    it(`sends a reading failing with ${reason} to readings.rejected.v1 with that reason`, async () => {
      const reading = make();
      await verifier.handle({ reading, receivedAt: '2025-03-01T11:59:01.000Z' }, TRACE);
      const [record] = sink.records;
      assert.ok(record !== undefined);
      assert.deepEqual(producer.events, [
        {
          topic: 'readings.rejected.v1',
          key: reading.meterId,
          value: {
            reading,
            reason,
            detail: `verification ${record.verificationId}: meter ${record.meterStatus}`,
            stage: 'verification',
            rejectedBy: 'PTBMSP',
            rejectedAt: '2025-03-01T12:00:00.000Z',
          },
          metadata: TRACE,
        },
      ]);
      assert.equal(record.outcome === 'invalid' ? record.reason : 'valid', reason);
    });
  }

  it('checks a slice together and forwards it in order with one request per topic', async () => {
    const good = [signedReading({ seq: 1 }), signedReading({ seq: 2 }), signedReading({ seq: 4 })];
    const bad = signedReading({ seq: 3, meterId: 'meter-9' });
    const receivedAt = '2025-03-01T11:59:01.000Z';
    await verifier.handleBatch(
      [good[0], good[1], bad, good[2]].map((reading) => ({
        value: { reading: reading!, receivedAt },
        metadata: TRACE,
      })),
    );
    assert.deepEqual(
      producer.sends.filter((send) => send.length > 0).map((send) => send[0]?.topic),
      ['readings.verified.v1', 'readings.rejected.v1'],
    );
    const forwarded = producer.events.filter((entry) => entry.topic === 'readings.verified.v1');
    assert.deepEqual(
      forwarded.map((entry) => (entry.value as { reading: Reading }).reading.seq),
      [1, 2, 4],
    );
    assert.equal(sink.records.length, 4);
  });

  it('reports a failing check as retriable VERIFICATION_UNAVAILABLE and forwards nothing', async () => {
    directory.failWith = new LedgerError({ code: 'LEDGER_UNAVAILABLE', message: 'peer down' });
    await assert.rejects(
      verifier.handle({ reading: signedReading(), receivedAt: '2025-03-01T11:59:01.000Z' }),
      (error: unknown) =>
        isDomainError(error) &&
        error.code === 'VERIFICATION_UNAVAILABLE' &&
        error.retriable &&
        String(error.details['cause']).includes('peer down'),
    );
    assert.deepEqual(producer.events, []);
    assert.deepEqual(sink.records, []);
  });

  it('reports a failing producer as retriable VERIFICATION_UNAVAILABLE', async () => {
    producer.failWith = new Error('broker down');
    await assert.rejects(
      verifier.handle({ reading: signedReading(), receivedAt: '2025-03-01T11:59:01.000Z' }),
      (error: unknown) =>
        isDomainError(error) && error.code === 'VERIFICATION_UNAVAILABLE' && error.retriable,
    );
    assert.deepEqual(producer.events, []);
  });

  it('reports a failing log as retriable VERIFICATION_UNAVAILABLE and forwards nothing', async () => {
    sink.failWith = new Error('redis down');
    await assert.rejects(
      verifier.handle({ reading: signedReading(), receivedAt: '2025-03-01T11:59:01.000Z' }),
      (error: unknown) =>
        isDomainError(error) && error.code === 'VERIFICATION_UNAVAILABLE' && error.retriable,
    );
    assert.deepEqual(producer.events, []);
  });
});
