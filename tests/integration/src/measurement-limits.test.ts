import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_INGEST_BATCH, MeasurementApiPaths, type Reading } from '@metrochain/contracts';
import { MEASUREMENT_URL, energyReading, readingIdOf, readingStatus } from './support/ingest';
import { newMeter } from './support/meters';

/** The measurement service's per-meter limit as the devnet runs it (MEASUREMENT_METER_LIMIT_* defaults). */
const METER_LIMIT = 500;

describe('measurement ingest limits on the real service', () => {
  it('refuses a meter over its limit with 429 RATE_LIMITED and Retry-After, accepting nothing of that request', async () => {
    assert.equal(MAX_INGEST_BATCH, METER_LIMIT, 'one full batch reaches the limit');
    const meter = newMeter('ingest-limit');
    const batch = (from: number): Reading[] =>
      Array.from({ length: MAX_INGEST_BATCH }, (_, i) => energyReading(meter, from + i));
    const post = (readings: readonly Reading[]): Promise<Response> =>
      fetch(`${MEASUREMENT_URL}${MeasurementApiPaths.ingestBatch}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ readings }),
      });
    const [firstBatch, secondBatch] = [batch(1), batch(1 + MAX_INGEST_BATCH)];
    const first = await post(firstBatch);
    assert.equal(first.status, 202);
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
