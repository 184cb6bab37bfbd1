import { z } from 'zod';
import { isoTimestampSchema, meterIdSchema, mspIdSchema } from '../shared/event-primitives';
import { readingSchema } from '../shared/reading';
import { readingRejectionReasonSchema } from '../shared/reading-rejection-reason';

export const readingsRejectedV1KeySchema = meterIdSchema;

/** A reading that verification refused; published so that no accepted reading disappears silently. */
export const readingsRejectedV1ValueSchema = z.object({
  reading: readingSchema,
  reason: readingRejectionReasonSchema,
  detail: z.string().max(1000).optional(),
  rejectedBy: mspIdSchema,
  rejectedAt: isoTimestampSchema,
});
export type ReadingsRejectedV1 = z.infer<typeof readingsRejectedV1ValueSchema>;
