import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { newMeasurementClient } from '../http/measurement-client';
import { fakeMeasurement, type FakeMeasurement } from '../testing/fake-measurement';
import { coded } from '@metrochain/tool-kit/testing';
import { sampleEntry } from '../testing/sample-readings';
import { chunksByBodySize, deliverBatch } from './deliver-batch';

const FAST = { initialDelayMs: 1, maxDelayMs: 5, maxAttempts: Infinity };

describe('deliverBatch', () => {
  let fake: FakeMeasurement;
  before(async () => {
    fake = await fakeMeasurement();
  });
  beforeEach(() => {
    fake.accepted.length = 0;
    fake.service.requests.length = 0;
  });
  after(() => fake.service.close());

  it('sends the same readings again after 503, byte for byte, and counts the retries', async () => {
    const entries = [sampleEntry('m-1', 0), sampleEntry('m-1', 1)];
    fake.failNext.push(
      coded(503, 'INGEST_UNAVAILABLE', 'kafka not acknowledged'),
      coded(503, 'INGEST_UNAVAILABLE', 'again'),
    );
    const retries: string[] = [];
    await deliverBatch(newMeasurementClient(fake.service.url), entries, {
      policy: FAST,
      onRetry: (error) => retries.push((error as { code: string }).code),
    });
    assert.deepEqual(retries, ['INGEST_UNAVAILABLE', 'INGEST_UNAVAILABLE']);
    const bodies = fake.service.requests.map((request) => JSON.stringify(request.body));
    assert.equal(bodies.length, 3);
    assert.equal(new Set(bodies).size, 1, 'every attempt carries the same readings');
    assert.deepEqual(
      fake.accepted.map((accepted) => accepted.readingId),
      entries.map((entry) => entry.readingId),
    );
  });

  it('retries when the service cannot be reached', async () => {
    const closed = await fakeMeasurement();
    const url = closed.service.url;
    await closed.service.close();
    const controller = new AbortController();
    let attempts = 0;
    const pending = deliverBatch(newMeasurementClient(url), [sampleEntry('m-1', 0)], {
      policy: FAST,
      signal: controller.signal,
      onRetry: (error, attempt) => {
        attempts = attempt;
        assert.equal((error as { code: string }).code, 'SERVICE_UNREACHABLE');
        if (attempt === 3) {
          controller.abort();
        }
      },
    });
    await assert.rejects(pending, { code: 'SERVICE_UNREACHABLE' });
    assert.equal(attempts, 3);
  });

  it('halves a request the service finds too large, keeping the order', async () => {
    const entries = [0, 1, 2].map((seq) => sampleEntry('m-2', seq));
    fake.failNext.push(coded(413, 'PAYLOAD_TOO_LARGE', 'too large'));
    await deliverBatch(newMeasurementClient(fake.service.url), entries, { policy: FAST });
    assert.deepEqual(
      fake.accepted.map((accepted) => accepted.reading.seq),
      [0, 1, 2],
    );
    assert.equal(fake.service.requests.length, 3);
  });

  it('throws a refusal that is not retriable, with the service code', async () => {
    fake.failNext.push(coded(400, 'REQUEST_INVALID', 'bad reading'));
    await assert.rejects(
      deliverBatch(newMeasurementClient(fake.service.url), [sampleEntry('m-3', 0)], { policy: FAST }),
      { code: 'REQUEST_INVALID', retriable: false },
    );
    assert.equal(fake.service.requests.length, 1);
  });

  it('refuses an acknowledgement with other reading ids than the fleet computed', async () => {
    const entry = { ...sampleEntry('m-4', 0), readingId: 'm-4~0~0000000000000000' };
    await assert.rejects(deliverBatch(newMeasurementClient(fake.service.url), [entry], { policy: FAST }), {
      code: 'RESPONSE_INVALID',
    });
  });
});

describe('chunksByBodySize', () => {
  it('keeps requests under the body limit, in order, and puts an oversized reading alone', () => {
    const entries = [0, 1, 2, 3].map((seq) => sampleEntry('m-5', seq, 400));
    const size = Buffer.byteLength(JSON.stringify(entries[0]?.reading));
    const chunks = chunksByBodySize(entries, 64 + 2 * (size + 1));
    assert.deepEqual(
      chunks.map((chunk) => chunk.map((entry) => entry.reading.seq)),
      [
        [0, 1],
        [2, 3],
      ],
    );
    assert.equal(chunksByBodySize(entries, 10).length, 4);
  });
});
