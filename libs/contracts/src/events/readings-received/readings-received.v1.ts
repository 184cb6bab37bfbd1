import { z } from 'zod';
import { isoTimestampSchema, meterIdSchema } from '../shared/event-primitives';
import { readingSchema } from '../shared/reading';

export const readingsReceivedV1KeySchema = meterIdSchema;

/** A reading accepted by ingest, not yet verified. */
export const readingsReceivedV1ValueSchema = z.object({
  reading: readingSchema,
  receivedAt: isoTimestampSchema,
});
export type ReadingsReceivedV1 = z.infer<typeof readingsReceivedV1ValueSchema>;
