import { z } from 'zod';

/** Why verification refused a reading; shared by `readings.rejected.v1` and `verifications.v1`. */
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
] as const;
export type ReadingRejectionReason = (typeof READING_REJECTION_REASONS)[number];

export const readingRejectionReasonSchema = z.enum(READING_REJECTION_REASONS);
