import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import {
  type Reading,
  type ReadingsRejectedV1,
  type ReadingsVerifiedV1,
  readingsRejectedV1ValueSchema,
  readingsVerifiedV1ValueSchema,
} from '@metrochain/contracts';
import { RegistryClient } from '@metrochain/ledger';
import { EventProducer, createKafkaClient } from '@metrochain/messaging';
import { signData } from '@metrochain/pki';
import canonicalize from 'canonicalize';
import type { Consumer, Kafka } from 'kafkajs';
import { type TestMeter, attestation, newMeter } from './support/meters';
import { networkProfile, openSession, type Session } from './support/network';

/** A reading as a meter signs it: ECDSA over the RFC 8785 JSON of everything but the signature. */
function signedReading(meter: TestMeter, seq: number, overrides: Partial<Reading> = {}): Reading {
  const unsigned = {
    meterId: meter.id,
    seq,
    measuredAt: new Date().toISOString(),
    kind: 'energy' as const,
    payload: { voltageV: [230.1, 229.8], currentA: [5.02, 5.01], sampleRateHz: 1000 },
    ...overrides,
  };
  return { ...unsigned, signature: signData(meter.privatePem, canonicalize(unsigned) ?? '') };
}

describe('verification of received readings (readings.received.v1 → verified / rejected)', () => {
  let kafka: Kafka;
  let producer: EventProducer;
  let consumer: Consumer;
  const sessions: Session[] = [];
  const verified: ReadingsVerifiedV1[] = [];
  const rejected: ReadingsRejectedV1[] = [];

  before(async () => {
    kafka = createKafkaClient({ clientId: 'it-pipeline', brokers: networkProfile().kafka.brokers });
    producer = new EventProducer({ kafka });
    await producer.connect();
    consumer = kafka.consumer({ groupId: `it-pipeline-${Date.now().toString(36)}` });
    await consumer.connect();
    await consumer.subscribe({
      topics: ['readings.verified.v1', 'readings.rejected.v1'],
      fromBeginning: true,
    });
    await consumer.run({
      eachMessage: ({ topic, message }) => {
        const value: unknown = JSON.parse(message.value?.toString() ?? '{}');
        if (topic === 'readings.verified.v1') {
          verified.push(readingsVerifiedV1ValueSchema.parse(value));
        } else {
          rejected.push(readingsRejectedV1ValueSchema.parse(value));
        }
        return Promise.resolve();
      },
    });
    for (const org of ['PTB', 'Inmetro']) {
      sessions.push(await openSession(org, 'registration'));
    }
  });
  after(async () => {
    await consumer.disconnect();
    await producer.disconnect();
    sessions.forEach((session) => {
      session.close();
    });
  });

  it('forwards a valid reading and rejects tampered, unknown-meter and future readings with their reasons', async () => {
    const meter = newMeter('pipeline');
    for (const [index, org] of ['PTB', 'Inmetro'].entries()) {
      const session = sessions[index];
      assert.ok(session !== undefined);
      await RegistryClient.forConnection(session.connection).attest(attestation(meter, org));
    }
    const stranger = newMeter('pipeline-unknown');
    const good = signedReading(meter, 1);
    const tampered = {
      ...signedReading(meter, 2),
      payload: { voltageV: [999], currentA: [1], sampleRateHz: 1000 },
    };
    const unknown = signedReading(stranger, 1);
    const future = signedReading(meter, 3, { measuredAt: new Date(Date.now() + 3_600_000).toISOString() });
    const receivedAt = new Date().toISOString();
    for (const reading of [good, tampered, unknown, future]) {
      await producer.publish('readings.received.v1', reading.meterId, { reading, receivedAt });
    }

    const outcomeOf = (reading: Reading): string | undefined => {
      const isSame = (r: Reading): boolean => r.meterId === reading.meterId && r.seq === reading.seq;
      if (verified.some((v) => isSame(v.reading))) {
        return 'verified';
      }
      return rejected.find((r) => isSame(r.reading))?.reason;
    };
    const readings = [good, tampered, unknown, future];
    const deadline = Date.now() + 60_000;
    while (readings.some((reading) => outcomeOf(reading) === undefined) && Date.now() < deadline) {
      await delay(250);
    }
    assert.deepEqual(readings.map(outcomeOf), [
      'verified',
      'SIGNATURE_INVALID',
      'METER_UNKNOWN',
      'TIMESTAMP_IN_FUTURE',
    ]);
    const forwarded = verified.find((v) => v.reading.meterId === meter.id && v.reading.seq === 1);
    assert.deepEqual(forwarded?.reading, good);
    assert.equal(forwarded.verifiedBy, 'PTBMSP');
  });
});
