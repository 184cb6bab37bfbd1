import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import {
  MAX_INGEST_BATCH,
  MAX_INGEST_BODY_BYTES,
  MAX_INGEST_BATCH_BODY_BYTES,
  MeasurementApiPaths,
  type Reading,
} from '@metrochain/contracts';
import type { Consumer } from 'kafkajs';
import { createKafkaClient } from '@metrochain/messaging';
import { newMeter } from './support/meters';
import {
  finalStatus,
  ingest,
  postOversized,
  postRaw,
  readingIdOf,
  readingStatus,
  energyReading,
} from './support/ingest';
import { networkProfile } from './support/network';

describe('measurement ingest API: bad requests are refused whole and publish nothing', () => {
  const meter = newMeter('ingest-edge');
  const received: string[] = [];
  let consumer: Consumer;

  before(async () => {
    const kafka = createKafkaClient({ clientId: 'it-ingest', brokers: networkProfile().kafka.brokers });
    consumer = kafka.consumer({ groupId: `it-ingest-${Date.now().toString(36)}` });
    await consumer.connect();
    // From the beginning: a group created now would otherwise start after what the first test publishes.
    await consumer.subscribe({ topics: ['readings.received.v1'], fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        if (message.key?.toString() === meter.id) {
          received.push(message.value?.toString() ?? '');
        }
        return Promise.resolve();
      },
    });
  });
  after(async () => {
    await consumer.disconnect();
  });

  it('answers 202 with the reading id (meter ~ seq ~ digest) and publishes the reading', async () => {
    const reading = energyReading(meter, 1);
    const answer = await ingest([reading]);
    assert.deepEqual(answer.accepted, [{ readingId: readingIdOf(reading), meterId: meter.id, seq: 1 }]);
    const status = await readingStatus(answer.accepted[0]?.readingId ?? '');
    assert.ok(status !== undefined);
    // An unregistered meter: the pipeline rejects it, visibly.
    const final = await finalStatus(status.readingId);
    assert.equal(final.status, 'rejected');
    assert.equal(final.reason, 'METER_UNKNOWN');
  });

  it('refuses a malformed body with REQUEST_INVALID 400', async () => {
    for (const body of ['{"readings": [', JSON.stringify({ readings: [{ meterId: meter.id }] }), '[]']) {
      const answer = await postRaw(MeasurementApiPaths.ingestBatch, body);
      assert.equal(answer.status, 400, body);
      assert.equal(answer.body['code'], 'REQUEST_INVALID', body);
    }
    const withExtraField = { ...energyReading(meter, 2), note: 'unsigned field' };
    const single = await postRaw(MeasurementApiPaths.ingest, withExtraField);
    assert.equal(single.status, 400);
    assert.equal(single.body['code'], 'REQUEST_INVALID');
  });

  it('refuses an oversized body with PAYLOAD_TOO_LARGE 413', async () => {
    const big = energyReading(meter, 3);
    const padded = { ...big, payload: { ...big.payload, pad: 'x'.repeat(MAX_INGEST_BODY_BYTES) } };
    const single = await postRaw(MeasurementApiPaths.ingest, padded);
    assert.equal(single.status, 413);
    assert.equal(single.body['code'], 'PAYLOAD_TOO_LARGE');
    const batch = await postOversized(
      MeasurementApiPaths.ingestBatch,
      JSON.stringify({
        readings: [{ ...padded, payload: { pad: 'x'.repeat(MAX_INGEST_BATCH_BODY_BYTES) } }],
      }),
    );
    assert.equal(batch.status, 413);
    assert.equal(batch.body['code'], 'PAYLOAD_TOO_LARGE');
  });

  it('refuses a batch of more than the maximum readings with BATCH_TOO_LARGE 400', async () => {
    const reading = energyReading(meter, 4);
    const readings = Array.from({ length: MAX_INGEST_BATCH + 1 }, (_, index) => ({
      ...reading,
      seq: 10 + index,
    }));
    const answer = await postRaw(MeasurementApiPaths.ingestBatch, { readings });
    assert.equal(answer.status, 400);
    assert.equal(answer.body['code'], 'BATCH_TOO_LARGE');
  });

  it('published only the accepted reading', async () => {
    // Refused requests would have been published right away; give the topic a moment to show them.
    await delay(2_000);
    assert.equal(received.length, 1);
    assert.equal((JSON.parse(received[0] ?? '{}') as { reading: Reading }).reading.seq, 1);
  });
});
