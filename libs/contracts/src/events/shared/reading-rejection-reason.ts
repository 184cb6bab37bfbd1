import { z } from 'zod';

/**
 * Why a reading was refused, by verification (signature, meter, time) or by the measurement contract (`seq`, and
 * SENSOR_DATA_IMPLAUSIBLE / KIND_UNSUPPORTED from the LR software); shared by `readings.rejected.v1`,
 * `verifications.v1` and the contract's outcomes.
 */
export const READING_REJECTION_REASONS = [
  'METER_UNKNOWN',
  'METER_NOT_ACTIVE',
  'METER_REVOKED',
  'SIGNATURE_INVALID',
  'SIGNATURE_MALFORMED',
  'SEQ_REPLAYED',
  'SEQ_OUT_OF_ORDER',
  'TIMESTAMP_IN_FUTURE',
  'PAYLOAD_INVALID',
  'SENSOR_DATA_IMPLAUSIBLE',
  'KIND_UNSUPPORTED',
  // An energy-fe slot of the meter's day holds a ciphertext already: two ciphertexts of one slot and label leak
  // their difference (docs/billing.md).
  'FE_SLOT_TAKEN',
] as const;
export type ReadingRejectionReason = (typeof READING_REJECTION_REASONS)[number];

export const readingRejectionReasonSchema = z.enum(READING_REJECTION_REASONS);
