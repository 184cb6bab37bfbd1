import { z } from 'zod';
import { isoTimestampSchema, meterIdSchema, sha256HexSchema } from '../events/shared/event-primitives';
import { verificationsV1ValueSchema, verifyResponseSchema } from '../events/verifications/verifications.v1';
import { MAX_SIGNED_DATA_LENGTH, signatureBase64Schema } from '../ledger/registry';

/**
 * HTTP API of the verification service (docs/pki.md). Errors are `{ code, message }` with the HTTP status:
 * REQUEST_INVALID 400, SIGNATURE_MALFORMED 400, VERIFICATION_UNKNOWN 404, UNAUTHENTICATED 401 (stream).
 */
export const VerificationApiPaths = {
  verify: '/verifications',
  verifyBatch: '/verifications/batch',
  record: '/verifications/:verificationId',
  stream: '/verifications/stream',
} as const;

/** `data` is the signed UTF-8 text itself; `measuredAt` (default: now) selects the key and status that apply. */
export const verifyRequestSchema = z
  .object({
    meterId: meterIdSchema,
    data: z.string().max(MAX_SIGNED_DATA_LENGTH).describe('The signed UTF-8 text itself'),
    signature: signatureBase64Schema,
    measuredAt: isoTimestampSchema.optional(),
  })
  .strict();
export type VerifyRequest = z.infer<typeof verifyRequestSchema>;

/** Checks per batch request: enough to amortise HTTP, small enough to answer within a second. */
export const MAX_VERIFY_BATCH = 1000;

/** Many checks in one request (auditors re-verifying, bulk clients); one bad item refuses the whole request. */
export const verifyBatchRequestSchema = z
  .object({ checks: z.array(verifyRequestSchema).min(1).max(MAX_VERIFY_BATCH) })
  .strict();
export type VerifyBatchRequest = z.infer<typeof verifyBatchRequestSchema>;

export { verifyResponseSchema };
/** The verdict is the log record itself plus `valid` for clients that want a boolean. */
export type VerifyResponse = z.infer<typeof verifyResponseSchema>;

/** RFC 6962 inclusion proof of a record's leaf (SHA-256 of 0x00 ‖ canonical JSON of the record). */
export const inclusionProofSchema = z.object({
  index: z.number().int().nonnegative(),
  treeSize: z.number().int().positive(),
  path: z.array(sha256HexSchema),
});

/** Where the batch's Merkle root was anchored on the ledger. */
export const batchAnchorSchema = z.object({
  batchId: z.string().min(1),
  merkleRoot: sha256HexSchema,
  size: z.number().int().positive(),
  txId: z.string().min(1),
  anchoredAt: isoTimestampSchema,
});

/** `anchor` and `proof` are null while the record's batch is not yet anchored (normally at most a few seconds). */
export const verificationRecordResponseSchema = z.object({
  record: verificationsV1ValueSchema,
  leafHash: sha256HexSchema,
  anchor: batchAnchorSchema.nullable(),
  proof: inclusionProofSchema.nullable(),
});
export type VerificationRecordResponse = z.infer<typeof verificationRecordResponseSchema>;

/** Results in the order of the checks. */
export const verifyBatchResponseSchema = z.object({ results: z.array(verifyResponseSchema) });
export type VerifyBatchResponse = z.infer<typeof verifyBatchResponseSchema>;
