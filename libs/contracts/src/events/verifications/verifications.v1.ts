import { z } from 'zod';
import {
  isoTimestampSchema,
  meterIdSchema,
  mspIdSchema,
  sequenceNumberSchema,
  sha256HexSchema,
} from '../shared/event-primitives';
import { readingRejectionReasonSchema } from '../shared/reading-rejection-reason';

const verificationBaseSchema = z.object({
  meterId: meterIdSchema,
  seq: sequenceNumberSchema,
  // SHA-256 of the reading's canonical JSON: auditors match log entries to readings without the payload.
  readingDigest: sha256HexSchema,
  verifiedBy: mspIdSchema,
  checkedAt: isoTimestampSchema,
});

export const verificationsV1KeySchema = meterIdSchema;

/** One entry of the verification log: every signature check, passed or failed. */
export const verificationsV1ValueSchema = z.discriminatedUnion('outcome', [
  verificationBaseSchema.extend({ outcome: z.literal('valid') }),
  verificationBaseSchema.extend({ outcome: z.literal('invalid'), reason: readingRejectionReasonSchema }),
]);
export type VerificationsV1 = z.infer<typeof verificationsV1ValueSchema>;
