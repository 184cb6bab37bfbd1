import { z } from 'zod';
import { isoTimestampSchema, meterIdSchema, mspIdSchema } from '../shared/event-primitives';
import { readingSchema } from '../shared/reading';

export const readingsVerifiedV1KeySchema = meterIdSchema;

/** A reading whose signature checked out against a meter active at its measurement time (`seq` is the contract's check). */
export const readingsVerifiedV1ValueSchema = z.object({
  reading: readingSchema,
  verifiedBy: mspIdSchema,
  verifiedAt: isoTimestampSchema,
});
export type ReadingsVerifiedV1 = z.infer<typeof readingsVerifiedV1ValueSchema>;
