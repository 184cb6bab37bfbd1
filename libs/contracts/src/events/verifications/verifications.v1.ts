import { z } from 'zod';
import {
  isoTimestampSchema,
  meterIdSchema,
  mspIdSchema,
  sequenceNumberSchema,
  sha256HexSchema,
} from '../shared/event-primitives';
import { readingRejectionReasonSchema } from '../shared/reading-rejection-reason';

/** `<batchId>.<index>`: the log batch the record was appended to and its position there. */
export const verificationIdSchema = z
  .string()
  .max(160)
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_:-]{0,127}\.(?:0|[1-9][0-9]{0,8})$/,
    'expected a verification id <batch>.<index>',
  );

/** The meter's status at the measurement time; `unknown` when no NMI ever attested the meter. */
export const VERIFIED_METER_STATUSES = ['pending', 'active', 'revoked', 'unknown'] as const;

/** Where the checked data came from: the public verification API or the reading pipeline. */
export const VERIFICATION_SOURCES = ['api', 'pipeline'] as const;

const verificationBaseSchema = z.object({
  verificationId: verificationIdSchema,
  source: z.enum(VERIFICATION_SOURCES),
  meterId: meterIdSchema,
  // Present for readings from the pipeline: the reading's identity is meterId + seq.
  seq: sequenceNumberSchema.optional(),
  // SHA-256 of the signed bytes: auditors match log entries to data without the data itself.
  dataDigest: sha256HexSchema,
  measuredAt: isoTimestampSchema,
  meterStatus: z.enum(VERIFIED_METER_STATUSES),
  // The key valid at measuredAt; absent for an unknown meter.
  keyFingerprint: sha256HexSchema.optional(),
  attestedBy: z.array(mspIdSchema),
  verifiedBy: mspIdSchema,
  checkedAt: isoTimestampSchema,
});

export const verificationsV1KeySchema = meterIdSchema;

const validVerificationShape = verificationBaseSchema.extend({ outcome: z.literal('valid') });
const invalidVerificationShape = verificationBaseSchema.extend({
  outcome: z.literal('invalid'),
  reason: readingRejectionReasonSchema,
});

/** One entry of the verification log: every signature check, passed or failed. Leaves of the anchored batches. */
export const verificationsV1ValueSchema = z.discriminatedUnion('outcome', [
  validVerificationShape.strict(),
  invalidVerificationShape.strict(),
]);

/** The log record with `valid` added, as the verification API answers. */
export const verifyResponseSchema = z.discriminatedUnion('outcome', [
  validVerificationShape.extend({ valid: z.literal(true) }).strict(),
  invalidVerificationShape.extend({ valid: z.literal(false) }).strict(),
]);
export type VerificationsV1 = z.infer<typeof verificationsV1ValueSchema>;
export type VerificationRecord = VerificationsV1;
