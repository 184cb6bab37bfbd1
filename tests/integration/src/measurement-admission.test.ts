import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import {
  MAX_INGEST_BATCH,
  MeasurementApiPaths,
  type Reading,
  ingestResponseSchema,
} from '@metrochain/contracts';
import { MeasurementClient } from '@metrochain/ledger';
import { eventually } from './support/eventually';
import { allRecorded } from './support/recorded-measurements';
import { MEASUREMENT_URL, energyReading, readingIdOf, readingStatus } from './support/ingest';
import type { TestMeter } from './support/meters';
import { type Session, openSession } from './support/network';
import { Registrars } from './support/registered-meters';

/**
 * Twelve meters post two full batches each at once: 12,000 readings, several times the service's in-flight bound
 * (the drain rate × 1.75 s, within 200 and 4,000) and far more than the pipeline records in the time the posts take. Nothing here depends on
 * timing: a 503 appears because the bound counts what the instance accepted since its last look at Kafka.
 */
const METERS = 12;
const BATCHES_PER_METER = 2;

interface Refusal {
  code: string;
  retryAfter: number;
  readings: readonly Reading[];
}

async function post(readings: readonly Reading[]): Promise<Response> {
  return fetch(`${MEASUREMENT_URL}${MeasurementApiPaths.ingestBatch}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ readings }),
  });
}

/** Sends the batch until it is accepted, each time after the refusal's Retry-After; returns the accepted seqs. */
async function deliver(readings: readonly Reading[], refusals: Refusal[]): Promise<number[]> {
  for (;;) {
    const response = await post(readings);
    const body = (await response.json()) as Record<string, unknown>;
    if (response.status === 202) {
      return ingestResponseSchema.parse(body).accepted.map(({ seq }) => seq);
    }
    // 503 INGEST_OVERLOADED (which counts nothing against the meter); the per-meter limit (429) is tolerated too.
    assert.ok(
      response.status === 503 || (response.status === 429 && body['code'] === 'RATE_LIMITED'),
      `unexpected answer ${String(response.status)} ${JSON.stringify(body)}`,
    );
    const retryAfter = Number(response.headers.get('retry-after'));
    refusals.push({ code: String(body['code']), retryAfter, readings });
    // The refused readings have no status: nothing of the request was accepted.
    for (const reading of [readings[0], readings.at(-1)]) {
      assert.equal(await readingStatus(readingIdOf(reading as Reading)), undefined);
    }
    await delay(Math.max(1, retryAfter) * 1000);
  }
}

describe('ingest admission control under more load than the pipeline takes', () => {
  let registrars: Registrars;
  let session: Session;
  const meters: TestMeter[] = [];

  before(async () => {
    registrars = await Registrars.open();
    session = await openSession('PTB', 'measurement');
    for (let i = 0; i < METERS; i += 1) {
      meters.push(await registrars.activeMeter('admission'));
    }
  });
  after(() => {
    registrars.close();
    session.close();
  });

  it('refuses the excess whole with 503 INGEST_OVERLOADED and Retry-After, and records every accepted reading once', async () => {
    const batches = meters.map((meter) =>
      Array.from({ length: BATCHES_PER_METER }, (_, batch) =>
        Array.from({ length: MAX_INGEST_BATCH }, (_, i) =>
          energyReading(meter, 1 + batch * MAX_INGEST_BATCH + i),
        ),
      ),
    );
    const refusals: Refusal[] = [];
    const accepted = await Promise.all(
      batches.map(async (ofMeter) => {
        const seqs: number[] = [];
        for (const batch of ofMeter) {
          seqs.push(...(await deliver(batch, refusals)));
        }
        return seqs;
      }),
    );

    assert.ok(
      refusals.some((refusal) => refusal.code === 'INGEST_OVERLOADED'),
      'at least one request was refused as overload',
    );
    for (const refusal of refusals) {
      assert.ok(['INGEST_OVERLOADED', 'RATE_LIMITED'].includes(refusal.code), refusal.code);
      assert.ok(
        Number.isInteger(refusal.retryAfter) && refusal.retryAfter >= 1,
        `Retry-After ${String(refusal.retryAfter)}`,
      );
    }
    const ledger = MeasurementClient.forConnection(session.connection);
    for (const [index, meter] of meters.entries()) {
      const seqs = accepted[index] ?? [];
      assert.equal(seqs.length, BATCHES_PER_METER * MAX_INGEST_BATCH, 'every batch was accepted in the end');
      const records = await eventually(
        `${meter.id} to be recorded`,
        async () => {
          const records = await allRecorded(ledger, meter.id, 500);
          return records.length >= seqs.length ? records : undefined;
        },
        300_000,
        1_000,
      );
      assert.deepEqual(
        records.map((record) => record.seq),
        seqs,
        `the ledger of ${meter.id} holds each accepted reading once`,
      );
      assert.equal((await ledger.getMeterProgress(meter.id)).recorded, seqs.length);
    }
  });
});
