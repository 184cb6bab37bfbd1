import { z } from 'zod';
import { isoTimestampSchema, meterIdSchema, mspIdSchema } from '../shared/event-primitives';
import { readingSchema } from '../shared/reading';
import { readingRejectionReasonSchema } from '../shared/reading-rejection-reason';

export const readingsRejectedV1KeySchema = meterIdSchema;

/** Where a reading was refused: by the verification service, or by the measurement contract on the ledger. */
export const REJECTION_STAGES = ['verification', 'ledger'] as const;

/** A reading that was refused; published so that no accepted reading disappears silently. */
export const readingsRejectedV1ValueSchema = z.object({
  reading: readingSchema,
  reason: readingRejectionReasonSchema,
  detail: z.string().max(1000).optional(),
  /** Absent means `verification` (records from before the ledger stage existed). */
  stage: z.enum(REJECTION_STAGES).optional(),
  /** The LR algorithm's code when the reason is SENSOR_DATA_IMPLAUSIBLE. */
  lrCode: z.string().max(64).optional(),
  rejectedBy: mspIdSchema,
  rejectedAt: isoTimestampSchema,
});
export type ReadingsRejectedV1 = z.infer<typeof readingsRejectedV1ValueSchema>;
