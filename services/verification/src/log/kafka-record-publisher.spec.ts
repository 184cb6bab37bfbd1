import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { VerificationRecord } from '@metrochain/contracts';
import {
  EventProducer,
  type Message,
  type ProducerFactory,
  type ProducerRecord,
  decodeEvent,
} from '@metrochain/messaging';
import { FakeProducer } from '@metrochain/messaging/testing';
import { signData } from '@metrochain/pki';
import canonicalize from 'canonicalize';
import { FakeAnchorer, FakeLogStore, draft } from '../testing/log-fakes';
import { ACTIVATED_AT, meterRecord, newMeterKey } from '../testing/meter-fixtures';
import { FakeDirectory } from '../testing/verification-fakes';
import { VerificationEngine } from '../verify/verification.engine';
import { KafkaRecordPublisher } from './kafka-record-publisher';
import type { LoggedRecord } from './log-ports';
import { VerificationLog } from './verification-log';

/** A Kafka client whose one producer keeps the requests it was asked to send. */
function recordingKafka(): { kafka: ProducerFactory; sent: ProducerRecord[] } {
  const producer = new FakeProducer();
  return { kafka: { producer: () => producer }, sent: producer.sent };
}

function logged(n: number): LoggedRecord {
  const record = { ...draft(n, `meter-${String(n % 3)}`), verificationId: `vb-t-1.${String(n)}` };
  return { record, canonicalJson: canonicalize(record) ?? '' };
}

/** Reads a sent message back as a consumer of verifications.v1 does: key and value against the contract. */
function consume(message: Message): VerificationRecord {
  const raw = { key: Buffer.from(String(message.key)), value: Buffer.from(String(message.value)) };
  return decodeEvent('verifications.v1', raw).value;
}

describe('KafkaRecordPublisher', () => {
  it('sends each record keyed by its meter, its canonical JSON as the value, at most 500 per request', async () => {
    const { kafka, sent } = recordingKafka();
    const records = Array.from({ length: 1001 }, (_, n) => logged(n));
    await new KafkaRecordPublisher(new EventProducer({ kafka })).publish(records);
    assert.deepEqual(
      sent.map((request) => [request.topic, request.messages.length, request.acks]),
      [
        ['verifications.v1', 500, -1],
        ['verifications.v1', 500, -1],
        ['verifications.v1', 1, -1],
      ],
    );
    const messages = sent.flatMap((request) => request.messages);
    assert.deepEqual(
      messages.map((message) => [message.key, message.value]),
      records.map(({ record, canonicalJson }) => [record.meterId, canonicalJson]),
    );
    assert.deepEqual(
      messages.map(consume),
      records.map(({ record }) => record),
    );
  });
});

// The publisher does not validate values again (see kafka-record-publisher.ts): this is where what the engine and
// the log build is held to the contract, for every outcome and both sources.
describe('records the service builds', () => {
  it('match the verifications.v1 contract exactly, for every outcome and both sources', async () => {
    const key = newMeterKey();
    const later = newMeterKey();
    const directory = new FakeDirectory()
      .add(meterRecord('meter-active', key, { activatedAt: ACTIVATED_AT }))
      .add(meterRecord('meter-pending', key))
      .add(
        meterRecord('meter-revoked', key, { activatedAt: ACTIVATED_AT, revokedFrom: '2025-02-01T00:00:00Z' }),
      )
      .add(
        meterRecord('meter-rotated', key, {
          activatedAt: ACTIVATED_AT,
          rotation: { key: later, at: '2025-02-01T00:00:00.000Z' },
        }),
      );
    const { kafka, sent } = recordingKafka();
    const log = new VerificationLog({
      store: new FakeLogStore(),
      anchorer: new FakeAnchorer(),
      publisher: new KafkaRecordPublisher(new EventProducer({ kafka })),
      instanceId: 'PTB-host_name-3002',
      batchMaxSize: 1000,
      batchMaxAgeMs: 60_000,
    });
    const engine = new VerificationEngine({
      directory,
      log,
      verifiedBy: 'PTBMSP',
      futureSkewMs: 300_000,
      now: () => Date.parse('2025-03-01T12:00:00.000Z'),
    });
    const text = 'energy 1200 Wh; ção';
    const bytes = Buffer.from('{"seq":7}', 'utf8');
    const inputs = [
      { meterId: 'meter-active', data: text, signature: signData(key.privateKey, text) },
      { meterId: 'meter-active', data: `${text}!`, signature: signData(key.privateKey, text) },
      {
        meterId: 'meter-active',
        data: text,
        signature: signData(key.privateKey, text),
        measuredAt: '2025-03-01T13:30:00+02:00',
      },
      {
        meterId: 'meter-active',
        data: text,
        signature: signData(key.privateKey, text),
        measuredAt: '2026-01-01T00:00:00Z',
      },
      { meterId: 'meter-unknown', data: text, signature: signData(key.privateKey, text) },
      { meterId: 'meter-pending', data: text, signature: signData(key.privateKey, text) },
      { meterId: 'meter-revoked', data: text, signature: signData(key.privateKey, text) },
      { meterId: 'meter-rotated', data: text, signature: signData(later.privateKey, text) },
      {
        meterId: 'meter-rotated',
        data: text,
        signature: signData(key.privateKey, text),
        measuredAt: '2025-01-15T00:00:00Z',
      },
    ].map((input) => ({ source: 'api' as const, ...input }));
    const pipeline = [
      {
        source: 'pipeline' as const,
        meterId: 'meter-active',
        seq: 7,
        data: bytes,
        signature: signData(key.privateKey, bytes),
      },
      { source: 'pipeline' as const, meterId: 'meter-active', seq: 0, data: bytes, signature: 'AAAA' },
    ];
    const records: VerificationRecord[] = [];
    for (const input of [...inputs, ...pipeline]) {
      records.push(await engine.verify(input));
    }
    await log.flush();
    assert.deepEqual(
      records.map((record) => (record.outcome === 'valid' ? 'valid' : record.reason)),
      [
        'valid',
        'SIGNATURE_INVALID',
        'valid',
        'TIMESTAMP_IN_FUTURE',
        'METER_UNKNOWN',
        'METER_NOT_ACTIVE',
        'METER_REVOKED',
        'valid',
        'valid',
        'valid',
        'SIGNATURE_MALFORMED',
      ],
    );
    const messages = sent.flatMap((request) => request.messages);
    assert.deepEqual(messages.map(consume), records, 'what a consumer reads is each record, nothing dropped');
    assert.deepEqual(
      messages.map((message) => message.value),
      records.map((record) => canonicalize(record)),
    );
  });
});
