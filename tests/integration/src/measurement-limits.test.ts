import { setTimeout as delay } from 'node:timers/promises';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_INGEST_BATCH, MeasurementApiPaths, type Reading } from '@metrochain/contracts';
import { DEVNET_METER_LIMIT_READINGS } from '@metrochain/devnet';
import { MEASUREMENT_URL, energyReading, readingIdOf, readingStatus } from './support/ingest';
import { newMeter } from './support/meters';

/** The measurement service's per-meter limit as the devnet runs it (10 s window, the default). */
const METER_LIMIT = DEVNET_METER_LIMIT_READINGS;

describe('measurement ingest limits on the real service', () => {
  it('refuses a meter over its limit with 429 RATE_LIMITED and Retry-After, accepting nothing of that request', async () => {
    assert.equal(METER_LIMIT % MAX_INGEST_BATCH, 0, 'full batches reach the limit exactly');
    const meter = newMeter('ingest-limit');
    const batch = (from: number): Reading[] =>
      Array.from({ length: MAX_INGEST_BATCH }, (_, i) => energyReading(meter, from + i));
    /** Posts until admission control lets the request through (503 counts nothing against the meter). */
    const post = async (readings: readonly Reading[]): Promise<Response> => {
      for (;;) {
        const response = await fetch(`${MEASUREMENT_URL}${MeasurementApiPaths.ingestBatch}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ readings }),
        });
        if (response.status !== 503) {
          return response;
        }
        await response.arrayBuffer();
        await delay(1000);
      }
    };
    const full = METER_LIMIT / MAX_INGEST_BATCH;
    for (let index = 0; index < full; index += 1) {
      assert.equal((await post(batch(1 + index * MAX_INGEST_BATCH))).status, 202);
    }
    const secondBatch = batch(1 + full * MAX_INGEST_BATCH);
    const second = await post(secondBatch);
    assert.equal(second.status, 429);
    assert.equal(((await second.json()) as { code: string }).code, 'RATE_LIMITED');
    assert.ok(Number(second.headers.get('retry-after')) >= 1);
    for (const refused of [secondBatch[0], secondBatch.at(-1)]) {
      assert.ok(refused !== undefined);
      assert.equal(
        await readingStatus(readingIdOf(refused)),
        undefined,
        'nothing of the refused request accepted',
      );
    }
  });
});
