import { setTimeout as delay } from 'node:timers/promises';
import {
  type IngestResponse,
  MeasurementApiPaths,
  type Reading,
  type ReadingStatusResponse,
  formatReadingId,
  ingestResponseSchema,
  readingStatusResponseSchema,
} from '@metrochain/contracts';
import { signData } from '@metrochain/pki';
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { eventually } from './eventually';
import type { TestMeter } from './meters';

export const MEASUREMENT_URL = 'http://127.0.0.1:3003';

export interface HttpAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** A reading as a meter signs it: ECDSA over the RFC 8785 JSON of everything but the signature. */
export function signReading(
  meter: Pick<TestMeter, 'id' | 'privatePem'>,
  unsigned: Omit<Reading, 'signature'>,
): Reading {
  return { ...unsigned, signature: signData(meter.privatePem, canonicalize(unsigned) ?? '') };
}

/** The id the measurement service gives a reading: meter, seq and the digest of its signed JSON. */
export function readingIdOf(reading: Reading): string {
  const unsigned = Object.fromEntries(Object.entries(reading).filter(([field]) => field !== 'signature'));
  const digest = createHash('sha256')
    .update(canonicalize(unsigned) ?? '')
    .digest('hex');
  return formatReadingId(reading.meterId, reading.seq, digest);
}

/**
 * A small, valid energy reading: one mains cycle at 1 kHz is not needed to test the HTTP edge. `overrides` replace
 * fields before it is signed (the bad-input corpus signs wrong readings properly).
 */
export function energyReading(
  meter: Pick<TestMeter, 'id' | 'privatePem'>,
  seq: number,
  overrides: Partial<Omit<Reading, 'signature'>> = {},
): Reading {
  return signReading(meter, {
    meterId: meter.id,
    seq,
    measuredAt: new Date().toISOString(),
    kind: 'energy',
    payload: { sampleRateHz: 1000, voltageV: [230, 231, 229, 230], currentA: [5, 5.1, 4.9, 5] },
    ...overrides,
  });
}

/** POSTs a raw body (string: sent as is) to an ingest path. */
export async function postRaw(
  path: string,
  body: unknown,
  contentType = 'application/json',
): Promise<HttpAnswer> {
  const response = await fetch(`${MEASUREMENT_URL}${path}`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

/**
 * Posts a batch and expects 202, sending it again after a 503 INGEST_OVERLOADED as a client does (the Retry-After
 * the body's message gives is at most 30 s; a second is enough for a test's bursts): admission control may refuse
 * a burst on the test network, which is not what these tests are about.
 */
export async function ingest(readings: readonly Reading[]): Promise<IngestResponse> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const answer = await postRaw(MeasurementApiPaths.ingestBatch, { readings });
    if (answer.status === 202) {
      return ingestResponseSchema.parse(answer.body);
    }
    if (answer.status !== 503 || answer.body['code'] !== 'INGEST_OVERLOADED' || Date.now() > deadline) {
      throw new Error(`ingest answered ${String(answer.status)}: ${JSON.stringify(answer.body)}`);
    }
    await delay(1000);
  }
}

export async function readingStatus(readingId: string): Promise<ReadingStatusResponse | undefined> {
  const response = await fetch(`${MEASUREMENT_URL}/readings/${encodeURIComponent(readingId)}`);
  if (response.status === 404) {
    return undefined;
  }
  return readingStatusResponseSchema.parse(await response.json());
}

/** Waits until the reading is recorded or rejected. */
export async function finalStatus(readingId: string, timeoutMs = 90_000): Promise<ReadingStatusResponse> {
  return eventually(
    `a final status of ${readingId}`,
    async () => {
      const status = await readingStatus(readingId);
      return status?.status === 'recorded' || status?.status === 'rejected' ? status : undefined;
    },
    timeoutMs,
    500,
  );
}

/**
 * POSTs a body larger than the server accepts. The server answers 413 from the announced length and closes the
 * connection, so a client still sending fails its write: this sends the headers first and the body only if no
 * answer came within a second, and reports the answer.
 */
export function postOversized(path: string, body: string): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const outgoing = request(`${MEASUREMENT_URL}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    outgoing.on('response', (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({
          status: response.statusCode ?? 0,
          body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
        });
        outgoing.destroy();
      });
    });
    outgoing.on('error', (error) => {
      if (!answered) {
        reject(error);
      }
    });
    outgoing.flushHeaders();
    setTimeout(() => {
      if (!answered) {
        outgoing.end(body);
      }
    }, 1000);
  });
}
