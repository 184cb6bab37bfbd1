import { z } from 'zod';
import {
  base64Schema,
  isoDaySchema,
  isoTimestampSchema,
  ledgerPositionShape,
  meterIdSchema,
  sequenceNumberSchema,
  sha256HexSchema,
} from '../shared/event-primitives';

/** The LR software's result for one reading, by kind, with the intermediate values that determine it. */
export const measurementResultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('speed'),
    speedKmh: z.number().finite().nonnegative(),
    /** When each loop was activated, seconds from the first sample, and their difference. */
    activationAS: z.number().finite(),
    activationBS: z.number().finite(),
    deltaTS: z.number().finite().positive(),
    /** The plate image stays with the operator; the ledger holds only its hash, signed by the meter. */
    plateImageSha256: sha256HexSchema.optional(),
  }),
  z.object({
    // Signed: a bidirectional meter may export energy.
    kind: z.literal('energy'),
    energyWh: z.number().finite(),
    samples: z.number().int().positive(),
    durationS: z.number().finite().positive(),
    /** Energy the meter has recorded so far, this reading included. */
    meterTotalWh: z.number().finite(),
  }),
  // Functional encryption: the ledger holds only the ciphertext (one ristretto255 point) of the slot's Wh; the
  // meter's day and the slot (0..95, 15 minutes each, UTC) name its label and its key (docs/billing.md).
  z.object({
    kind: z.literal('energy-fe'),
    day: isoDaySchema,
    slot: z.number().int().min(0).max(95),
    ciphertext: base64Schema,
  }),
]);
export type MeasurementResult = z.infer<typeof measurementResultSchema>;

export const measurementsRecordedV1KeySchema = meterIdSchema;

/** A measurement committed on the ledger, keyed by the identity of its reading (`meterId` + `seq`). */
export const measurementsRecordedV1ValueSchema = z.object({
  meterId: meterIdSchema,
  seq: sequenceNumberSchema,
  measuredAt: isoTimestampSchema,
  result: measurementResultSchema,
  /** SHA-256 of the reading's signed bytes. */
  readingDigest: sha256HexSchema,
  lrFingerprint: sha256HexSchema,
  recordedAt: isoTimestampSchema,
  ...ledgerPositionShape,
});
export type MeasurementsRecordedV1 = z.infer<typeof measurementsRecordedV1ValueSchema>;
