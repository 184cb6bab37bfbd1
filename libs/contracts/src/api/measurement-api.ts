import { z } from 'zod';
import {
  blockNumberSchema,
  isoTimestampSchema,
  meterIdSchema,
  sequenceNumberSchema,
  txIdSchema,
} from '../events/shared/event-primitives';
import { measurementResultSchema } from '../events/measurements-recorded/measurements-recorded.v1';
import { readingSchema } from '../events/shared/reading';
import { readingRejectionReasonSchema } from '../events/shared/reading-rejection-reason';
import { measurementsRecordedV1ValueSchema } from '../events/measurements-recorded/measurements-recorded.v1';
import { REJECTION_STAGES } from '../events/readings-rejected/readings-rejected.v1';

/**
 * HTTP API of the measurement service (docs/measurement.md): meters post signed readings, one or a batch, and get
 * 202 with an id per reading; the id's status follows the reading through verification to the ledger. Errors are
 * `{ code, message }`: REQUEST_INVALID 400, BATCH_TOO_LARGE 400, PAYLOAD_TOO_LARGE 413, READING_UNKNOWN 404,
 * INGEST_UNAVAILABLE 503 (nothing was accepted; retry), INGEST_OVERLOADED 503 (nothing was accepted; retry after the
 * Retry-After seconds).
 */
export const MeasurementApiPaths = {
  ingest: '/readings',
  ingestBatch: '/readings/batch',
  status: '/readings/:readingId',
  stats: '/stats',
} as const;

/** Readings per batch request. */
export const MAX_INGEST_BATCH = 500;
/** Body limits: a speed reading with two 4,096-sample loops is ~60 KB of JSON. */
export const MAX_INGEST_BODY_BYTES = 256 * 1024;
export const MAX_INGEST_BATCH_BODY_BYTES = 4 * 1024 * 1024;

export const ingestRequestSchema = readingSchema;
export type IngestRequest = z.infer<typeof ingestRequestSchema>;

/** One bad reading refuses the whole request (nothing is accepted), so a client never has to guess what went in. */
export const ingestBatchRequestSchema = z
  .object({ readings: z.array(readingSchema).min(1).max(MAX_INGEST_BATCH) })
  .strict();
export type IngestBatchRequest = z.infer<typeof ingestBatchRequestSchema>;

// `~` cannot occur in a meter id, so the id splits unambiguously from the right.
const READING_ID = /^([A-Za-z0-9][A-Za-z0-9._:-]{0,127})~(0|[1-9][0-9]{0,15})~([0-9a-f]{16})$/;

/**
 * A reading's id: `<meterId>~<seq>~<first 16 hex of the reading digest>`. The digest part tells a reading delivered
 * twice (same id) from a different reading that reuses a `seq` (another id, which the contract rejects).
 */
export const readingIdSchema = z
  .string()
  .regex(READING_ID, 'expected <meterId>~<seq>~<16 hex digits>')
  .describe(
    '<meterId>~<seq>~<first 16 hex of the SHA-256 of the signed bytes>; the same for a resent reading',
  );

export function formatReadingId(meterId: string, seq: number, readingDigest: string): string {
  return `${meterId}~${String(seq)}~${readingDigest.slice(0, 16)}`;
}

export function parseReadingId(
  readingId: string,
): { meterId: string; seq: number; digestPrefix: string } | undefined {
  const match = READING_ID.exec(readingId);
  if (match?.[1] === undefined || match[2] === undefined || match[3] === undefined) {
    return undefined;
  }
  const seq = Number(match[2]);
  return Number.isSafeInteger(seq) ? { meterId: match[1], seq, digestPrefix: match[3] } : undefined;
}

export const acceptedReadingSchema = z.object({
  readingId: readingIdSchema,
  meterId: meterIdSchema,
  seq: sequenceNumberSchema,
});

/** 202: every reading of the request was accepted (published to `readings.received.v1`). */
export const ingestResponseSchema = z.object({
  accepted: z.array(acceptedReadingSchema),
  receivedAt: isoTimestampSchema,
});
export type IngestResponse = z.infer<typeof ingestResponseSchema>;

export const READING_STATUSES = ['received', 'verified', 'recorded', 'rejected'] as const;
export type ReadingStatus = (typeof READING_STATUSES)[number];

/** Where a reading is: received → verified → recorded (with its transaction), or rejected with the reason. */
export const readingStatusResponseSchema = z.object({
  readingId: readingIdSchema,
  meterId: meterIdSchema,
  seq: sequenceNumberSchema,
  status: z.enum(READING_STATUSES),
  updatedAt: isoTimestampSchema,
  reason: readingRejectionReasonSchema.optional(),
  stage: z.enum(REJECTION_STAGES).optional(),
  lrCode: z.string().optional(),
  detail: z.string().optional(),
  result: measurementResultSchema.optional(),
  txId: txIdSchema.optional(),
  blockNumber: blockNumberSchema.optional(),
  /** The W3C trace id of the reading's way from ingest to the ledger; the audit service shows that trace. */
  traceId: z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .optional(),
});
export type ReadingStatusResponse = z.infer<typeof readingStatusResponseSchema>;

const countsSchema = z.object({
  accepted: z.number().int().nonnegative(),
  verified: z.number().int().nonnegative(),
  recorded: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
});

/**
 * `GET /stats`: what this instance saw — totals since it started, per-second rates over the last `windowS` seconds,
 * and the latest measurements it recorded (newest first). The live view of `npm start` shows it.
 */
export const measurementStatsResponseSchema = z.object({
  since: isoTimestampSchema,
  windowS: z.number().positive(),
  totals: countsSchema,
  perSecond: z.object({
    accepted: z.number().nonnegative(),
    verified: z.number().nonnegative(),
    recorded: z.number().nonnegative(),
    rejected: z.number().nonnegative(),
  }),
  latest: z.array(measurementsRecordedV1ValueSchema).max(50),
});
export type MeasurementStatsResponse = z.infer<typeof measurementStatsResponseSchema>;
