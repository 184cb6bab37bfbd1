import { z } from 'zod';
import {
  base64Schema,
  isoTimestampSchema,
  ledgerPositionShape,
  meterIdSchema,
  sequenceNumberSchema,
  sha256HexSchema,
} from '../shared/event-primitives';

/** The LR software's result for one reading, by kind. */
export const measurementResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('speed'), speedKmh: z.number().finite().nonnegative() }),
  // Signed: a bidirectional meter may export energy.
  z.object({ kind: z.literal('energy'), energyWh: z.number().finite() }),
  // Functional encryption: the ledger holds only the ciphertext (one ristretto255 point).
  z.object({ kind: z.literal('energy-fe'), ciphertext: base64Schema }),
]);
export type MeasurementResult = z.infer<typeof measurementResultSchema>;

export const measurementsRecordedV1KeySchema = meterIdSchema;

/** A measurement committed on the ledger, keyed by the identity of its reading (`meterId` + `seq`). */
export const measurementsRecordedV1ValueSchema = z.object({
  meterId: meterIdSchema,
  seq: sequenceNumberSchema,
  measuredAt: isoTimestampSchema,
  result: measurementResultSchema,
  lrFingerprint: sha256HexSchema,
  recordedAt: isoTimestampSchema,
  ...ledgerPositionShape,
});
export type MeasurementsRecordedV1 = z.infer<typeof measurementsRecordedV1ValueSchema>;
