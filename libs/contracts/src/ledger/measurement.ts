import { z } from 'zod';
import {
  isoTimestampSchema,
  meterIdSchema,
  mspIdSchema,
  sequenceNumberSchema,
  sha256HexSchema,
} from '../events/shared/event-primitives';
import { measurementResultSchema } from '../events/measurements-recorded/measurements-recorded.v1';
import { readingSchema } from '../events/shared/reading';
import { readingRejectionReasonSchema } from '../events/shared/reading-rejection-reason';

/**
 * The measurement contract: the legally relevant (LR) software. It records batches of verified readings; for each
 * reading it re-checks the meter and signature, checks `seq`, computes the measurement with libs/lr and writes it
 * keyed by the reading's identity (meterId + seq). docs/measurement.md.
 */
export const MEASUREMENT_CONTRACT = 'measurement';

export const MeasurementTransactions = {
  recordBatch: 'recordBatch',
  getMeasurement: 'getMeasurement',
  queryMeasurements: 'queryMeasurements',
  getMeterProgress: 'getMeterProgress',
} as const;

/** Readings per recordBatch transaction: enough to amortise endorsement and ordering, small enough for a block. */
export const MAX_RECORD_BATCH = 500;

/** Page size bound of queryMeasurements. */
export const MAX_MEASUREMENT_QUERY_LIMIT = 1000;

// ---- requests -------------------------------------------------------------------------------------------------

/** `batchId` names the batch in the contract's event, so a consumer can match the event to its submission. */
export const recordBatchRequestSchema = z.object({
  batchId: meterIdSchema,
  readings: z.array(readingSchema).min(1).max(MAX_RECORD_BATCH),
});
export type RecordBatchRequest = z.infer<typeof recordBatchRequestSchema>;

export const measurementKeySchema = z.object({ meterId: meterIdSchema, seq: sequenceNumberSchema });
export type MeasurementKey = z.infer<typeof measurementKeySchema>;

/** Measurements of one meter measured in [from, to), in `seq` order, after `afterSeq` (paging). */
export const queryMeasurementsRequestSchema = z.object({
  meterId: meterIdSchema,
  from: isoTimestampSchema.optional(),
  to: isoTimestampSchema.optional(),
  afterSeq: sequenceNumberSchema.optional(),
  limit: z.number().int().min(1).max(MAX_MEASUREMENT_QUERY_LIMIT).default(100),
});
export type QueryMeasurementsRequest = z.input<typeof queryMeasurementsRequestSchema>;

// ---- ledger records -------------------------------------------------------------------------------------------

/**
 * A recorded measurement. `readingDigest` is the SHA-256 of the reading's signed bytes (RFC 8785 JSON without the
 * signature): a reading with the same identity and digest is the same reading delivered again.
 */
export const measurementRecordSchema = z.object({
  meterId: meterIdSchema,
  seq: sequenceNumberSchema,
  kind: z.enum(['speed', 'energy', 'energy-fe']),
  measuredAt: isoTimestampSchema,
  result: measurementResultSchema,
  readingDigest: sha256HexSchema,
  keyFingerprint: sha256HexSchema,
  lrFingerprint: sha256HexSchema,
  recordedBy: mspIdSchema,
  recordedAt: isoTimestampSchema,
  txId: z.string().min(1).max(128),
});
export type MeasurementRecord = z.infer<typeof measurementRecordSchema>;

/** Per meter: the highest recorded `seq` and, for energy meters, the energy accumulated so far. */
export const meterProgressSchema = z.object({
  meterId: meterIdSchema,
  lastSeq: sequenceNumberSchema,
  lastMeasuredAt: isoTimestampSchema,
  recorded: z.number().int().nonnegative(),
  totalEnergyWh: z.number().finite().optional(),
});
export type MeterProgress = z.infer<typeof meterProgressSchema>;

// ---- results --------------------------------------------------------------------------------------------------

/**
 * One reading's outcome: `recorded` now, `duplicate` (the same reading was recorded before; the record is the
 * earlier one, so a redelivery is harmless) or `rejected` with a reason (nothing written for it).
 */
export const readingOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('recorded'), measurement: measurementRecordSchema }),
  z.object({ status: z.literal('duplicate'), measurement: measurementRecordSchema }),
  z.object({
    status: z.literal('rejected'),
    meterId: z.string(),
    seq: z.number(),
    reason: readingRejectionReasonSchema,
    /** The LR algorithm's own code when it refused the sensor data (SENSOR_DATA_IMPLAUSIBLE). */
    lrCode: z.string().max(64).optional(),
    detail: z.string().max(1000),
  }),
]);
export type ReadingOutcome = z.infer<typeof readingOutcomeSchema>;

/** Outcomes in the order of the request's readings. */
export const recordBatchResultSchema = z.object({
  batchId: meterIdSchema,
  outcomes: z.array(readingOutcomeSchema),
});
export type RecordBatchResult = z.infer<typeof recordBatchResultSchema>;

export const queryMeasurementsResultSchema = z.object({
  measurements: z.array(measurementRecordSchema),
  /** Present when more may follow: pass it as `afterSeq`. */
  nextAfterSeq: sequenceNumberSchema.optional(),
});
export type QueryMeasurementsResult = z.infer<typeof queryMeasurementsResultSchema>;

// ---- chaincode events -----------------------------------------------------------------------------------------

export const MeasurementEvents = { batchRecorded: 'measurement.batch.recorded' } as const;

/** One event per recordBatch transaction: counts and the identities recorded (the records are in the result). */
export const measurementBatchRecordedEventSchema = z.object({
  batchId: meterIdSchema,
  recorded: z.array(measurementKeySchema),
  duplicates: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
});
export type MeasurementBatchRecordedEvent = z.infer<typeof measurementBatchRecordedEventSchema>;
