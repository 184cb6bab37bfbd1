import { MAX_INGEST_BATCH_BODY_BYTES, type IngestResponse } from '@metrochain/contracts';
import { isDomainError } from '@metrochain/errors';
import { ToolErrorCode, toolError } from '@metrochain/tool-kit';
import type { MeasurementApi } from '../http/measurement-client';
import { INGEST_RETRY, withRetry, type RetryHooks, type RetryPolicy } from '../http/retry';
import type { SentReading } from '../state/meter-record';

// Room for `{"readings":[...]}` and the commas between readings.
const ENVELOPE_BYTES = 64;

/**
 * Posts readings in the order given, split so that no request exceeds the ingest API's body limit. A retriable
 * failure (503 INGEST_UNAVAILABLE or INGEST_OVERLOADED, 429, timeout, unreachable) sends the same readings again,
 * no sooner than a Retry-After: same seq, same signature, same ids, so a request that did get through before is
 * harmless. A 413 halves the request. Anything else is
 * thrown: the readings stay pending rather than being skipped.
 */
export async function deliverBatch(
  api: Pick<MeasurementApi, 'postBatch'>,
  entries: readonly SentReading[],
  hooks: RetryHooks & { policy?: RetryPolicy } = {},
): Promise<void> {
  for (const chunk of chunksByBodySize(entries, MAX_INGEST_BATCH_BODY_BYTES)) {
    await deliverChunk(api, chunk, hooks);
  }
}

async function deliverChunk(
  api: Pick<MeasurementApi, 'postBatch'>,
  chunk: readonly SentReading[],
  hooks: RetryHooks & { policy?: RetryPolicy },
): Promise<void> {
  const readings = chunk.map((entry) => entry.reading);
  let response: IngestResponse;
  try {
    response = await withRetry(
      () => api.postBatch(readings, hooks.signal),
      hooks.policy ?? INGEST_RETRY,
      hooks,
    );
  } catch (error) {
    if (chunk.length > 1 && isDomainError(error) && error.details['status'] === 413) {
      const half = Math.ceil(chunk.length / 2);
      await deliverChunk(api, chunk.slice(0, half), hooks);
      await deliverChunk(api, chunk.slice(half), hooks);
      return;
    }
    throw error;
  }
  expectAcceptedIds(response, chunk);
}

/** The service computes the ids from the signed bytes; another id means it read other bytes than were signed. */
function expectAcceptedIds(response: IngestResponse, chunk: readonly SentReading[]): void {
  const accepted = new Set(response.accepted.map((entry) => entry.readingId));
  const missing = chunk.filter((entry) => !accepted.has(entry.readingId)).map((entry) => entry.readingId);
  if (missing.length > 0) {
    throw toolError(
      ToolErrorCode.RESPONSE_INVALID,
      `the measurement service accepted the batch with other reading ids than the fleet computed (first missing: ${missing[0] ?? ''})`,
      { details: { missing, accepted: [...accepted] } },
    );
  }
}

/** Consecutive groups whose JSON stays under `maxBytes`; a reading larger than that goes alone (and gets 413). */
export function chunksByBodySize(entries: readonly SentReading[], maxBytes: number): SentReading[][] {
  const chunks: SentReading[][] = [];
  let current: SentReading[] = [];
  let bytes = ENVELOPE_BYTES;
  for (const entry of entries) {
    const size = Buffer.byteLength(JSON.stringify(entry.reading)) + 1;
    if (current.length > 0 && bytes + size > maxBytes) {
      chunks.push(current);
      current = [];
      bytes = ENVELOPE_BYTES;
    }
    current.push(entry);
    bytes += size;
  }
  if (current.length > 0) {
    chunks.push(current);
  }
  return chunks;
}
