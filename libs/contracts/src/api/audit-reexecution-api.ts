import { z } from 'zod';
import { measurementResultSchema } from '../events/measurements-recorded/measurements-recorded.v1';
import { meterIdSchema, sha256HexSchema } from '../events/shared/event-primitives';
import { readingSchema } from '../events/shared/reading';
import { verificationsV1ValueSchema } from '../events/verifications/verifications.v1';
import { batchAnchorSchema, inclusionProofSchema } from './verification-api';

/**
 * Raw data, re-execution and verification-log completeness in the audit service (docs/audit.md), plus the one route
 * of the verification service the completeness check reads. Auditors only; errors are `{ code, message }`.
 */
export const AuditReexecutionPaths = {
  rawReading: '/api/raw-readings/:meterId/:seq',
  reexecutions: '/api/reexecutions',
  reexecution: '/api/reexecutions/:jobId',
  verificationLogChecks: '/api/verification-log/checks',
  verificationLogCheck: '/api/verification-log/checks/:checkId',
} as const;

/** Verification service: every record of one log batch, each with its inclusion proof. */
export const VerificationBatchPaths = {
  batch: '/verification-batches/:batchId',
} as const;

export const AuditReexecutionErrorCode = {
  RAW_READING_UNKNOWN: 'RAW_READING_UNKNOWN',
  REEXECUTION_UNKNOWN: 'REEXECUTION_UNKNOWN',
  VERIFICATION_CHECK_UNKNOWN: 'VERIFICATION_CHECK_UNKNOWN',
  /** `to` below `from`, or more than MAX_REEXECUTION_RANGE readings: a well-formed body the job cannot take (422). */
  REEXECUTION_RANGE_INVALID: 'REEXECUTION_RANGE_INVALID',
} as const;
export type AuditReexecutionErrorCode =
  (typeof AuditReexecutionErrorCode)[keyof typeof AuditReexecutionErrorCode];

const seqParamSchema = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

// ---- raw readings --------------------------------------------------------------------------------------------------

export const rawReadingParamsSchema = z.object({ meterId: meterIdSchema, seq: seqParamSchema }).strict();
export type RawReadingParams = z.infer<typeof rawReadingParamsSchema>;

/** The signed reading as the recordBatch transaction carried it, and its digest against the ledger's record. */
export const rawReadingResponseSchema = z.object({
  meterId: meterIdSchema,
  seq: z.number().int().nonnegative(),
  reading: readingSchema,
  txId: z.string().min(1),
  blockNumber: z.number().int().nonnegative(),
  chaincode: z.string(),
  /** `readingDigest` of the measurement record on the ledger. */
  ledgerDigest: sha256HexSchema,
  /** SHA-256 of the RFC 8785 signed text of `reading`, computed here. */
  computedDigest: sha256HexSchema,
  digestMatches: z.boolean(),
  lrFingerprint: sha256HexSchema,
});
export type RawReadingResponse = z.infer<typeof rawReadingResponseSchema>;

// ---- re-execution --------------------------------------------------------------------------------------------------

/** Readings per on-demand job. */
export const MAX_REEXECUTION_RANGE = 10_000;

/**
 * POST /api/reexecutions. The range rule spans two fields, which an OpenAPI document cannot state, so it is not
 * part of the schema: {@link reexecutionRangeProblem} checks it and the service answers 422 REEXECUTION_RANGE_INVALID.
 */
export const reexecutionRequestSchema = z
  .object({ meterId: meterIdSchema, from: seqParamSchema, to: seqParamSchema })
  .strict();
export type ReexecutionRequest = z.infer<typeof reexecutionRequestSchema>;

/** Why a well-formed request's range cannot be one job; undefined when it can. */
export function reexecutionRangeProblem(request: Readonly<ReexecutionRequest>): string | undefined {
  if (request.to < request.from) {
    return 'to must not be below from';
  }
  if (request.to - request.from >= MAX_REEXECUTION_RANGE) {
    return `at most ${String(MAX_REEXECUTION_RANGE)} readings per job`;
  }
  return undefined;
}

export const reexecutionJobIdSchema = z.string().uuid();

export const REEXECUTION_JOB_STATUSES = ['running', 'done', 'failed'] as const;

/** Tallies of re-executed readings: each recorded reading is checked, then matched or reported. */
export const reexecutionTallySchema = z.object({
  checked: z.number().int().nonnegative(),
  matched: z.number().int().nonnegative(),
  lrMismatches: z.number().int().nonnegative(),
  rawDataMismatches: z.number().int().nonnegative(),
  unknownBundles: z.number().int().nonnegative(),
});
export type ReexecutionTally = z.infer<typeof reexecutionTallySchema>;

export const reexecutionJobSchema = reexecutionTallySchema.extend({
  jobId: reexecutionJobIdSchema,
  meterId: meterIdSchema,
  from: z.number().int().nonnegative(),
  to: z.number().int().nonnegative(),
  status: z.enum(REEXECUTION_JOB_STATUSES),
  requestedBy: z.string(),
  requestedAt: z.string(),
  finishedAt: z.string().optional(),
  /** Ids of the findings the job reported (a finding still open from an earlier check is not repeated). */
  findings: z.array(z.string().uuid()),
  error: z.string().optional(),
});
export type ReexecutionJob = z.infer<typeof reexecutionJobSchema>;

export const reexecutionAcceptedSchema = z.object({
  jobId: reexecutionJobIdSchema,
  status: z.enum(REEXECUTION_JOB_STATUSES),
});
export type ReexecutionAccepted = z.infer<typeof reexecutionAcceptedSchema>;

/** The continuous re-execution over the block feed. */
export const continuousReexecutionSchema = reexecutionTallySchema.extend({
  /** The next block the feed will read. */
  nextBlock: z.number().int().nonnegative(),
  transactions: z.number().int().nonnegative(),
  /** Mean wall time per re-executed reading (digest, LR in the worker, comparison), ms. */
  meanMsPerReading: z.number().nonnegative(),
  bundles: z.array(sha256HexSchema),
});
export type ContinuousReexecution = z.infer<typeof continuousReexecutionSchema>;

export const reexecutionsOverviewSchema = z.object({
  continuous: continuousReexecutionSchema,
  jobs: z.array(reexecutionJobSchema),
});
export type ReexecutionsOverview = z.infer<typeof reexecutionsOverviewSchema>;

/** What a re-execution finding's evidence holds (lr-mismatch; raw-data-mismatch has digests instead of values). */
export const lrMismatchEvidenceSchema = z.object({
  txId: z.string(),
  blockNumber: z.number().int(),
  chaincode: z.string(),
  meterId: meterIdSchema,
  seq: z.number().int(),
  lrFingerprint: sha256HexSchema,
  ledgerValue: measurementResultSchema,
  reexecutedValue: z.unknown(),
});

// ---- verification-log completeness ---------------------------------------------------------------------------------

export const verificationBatchIdSchema = meterIdSchema;

/** GET /verification-batches/:batchId on the verification service. */
export const verificationBatchResponseSchema = z.object({
  batchId: verificationBatchIdSchema,
  anchor: batchAnchorSchema.nullable(),
  records: z.array(
    z.object({
      index: z.number().int().nonnegative(),
      record: verificationsV1ValueSchema,
      proof: inclusionProofSchema.nullable(),
    }),
  ),
});
export type VerificationBatchResponse = z.infer<typeof verificationBatchResponseSchema>;

export const verificationLogCheckRequestSchema = z.object({ batchId: verificationBatchIdSchema }).strict();
export type VerificationLogCheckRequest = z.infer<typeof verificationLogCheckRequestSchema>;

export const verificationLogCheckIdSchema = z.string().uuid();

export const VERIFICATION_LOG_CHECK_STATUSES = ['running', 'passed', 'failed', 'error'] as const;

export const verificationLogCheckSchema = z.object({
  checkId: verificationLogCheckIdSchema,
  batchId: verificationBatchIdSchema,
  status: z.enum(VERIFICATION_LOG_CHECK_STATUSES),
  /** The anchor as the ledger holds it. */
  anchoredRoot: sha256HexSchema.optional(),
  anchoredSize: z.number().int().optional(),
  anchorTxId: z.string().optional(),
  recordsFound: z.number().int().nonnegative(),
  proofsVerified: z.number().int().nonnegative(),
  problems: z.array(z.string()),
  findingId: z.string().uuid().optional(),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
});
export type VerificationLogCheck = z.infer<typeof verificationLogCheckSchema>;
