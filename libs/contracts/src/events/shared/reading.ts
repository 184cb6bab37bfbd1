import { z } from 'zod';
import { base64Schema, isoTimestampSchema, meterIdSchema, sequenceNumberSchema } from './event-primitives';

export const READING_KINDS = ['speed', 'energy', 'energy-fe'] as const;
export type ReadingKind = (typeof READING_KINDS)[number];

/**
 * A signed reading as a meter posts it. The signature (ECDSA-P256-SHA256, DER, base64) covers the RFC 8785
 * canonical JSON of the reading without `signature`. Identity of a reading: `meterId` + `seq`.
 */
export const readingSchema = z
  .object({
    meterId: meterIdSchema,
    seq: sequenceNumberSchema,
    measuredAt: isoTimestampSchema,
    kind: z.enum(READING_KINDS),
    // The kind's raw sensor data; its shape belongs to the LR algorithm of that kind, which checks it.
    payload: z.record(z.string(), z.unknown()),
    signature: base64Schema,
  })
  // Unknown fields are refused rather than stripped: stripping would change the signed bytes and break the signature.
  .strict();
export type Reading = z.infer<typeof readingSchema>;
