import { z } from 'zod';
import {
  isoTimestampSchema,
  ledgerPositionShape,
  meterIdSchema,
  mspIdSchema,
  publicKeyPemSchema,
} from '../shared/event-primitives';

export const METER_STATUSES = ['pending', 'active', 'revoked'] as const;
export type MeterStatus = (typeof METER_STATUSES)[number];

export const METER_LIFECYCLE_EVENT_TYPES = ['attested', 'activated', 'revoked', 'key-rotated'] as const;
export type MeterLifecycleEventType = (typeof METER_LIFECYCLE_EVENT_TYPES)[number];

export const meterLifecycleV1KeySchema = meterIdSchema;

/** A registry change read from the ledger; `status` is the meter's status after the transaction. */
export const meterLifecycleV1ValueSchema = z.object({
  meterId: meterIdSchema,
  type: z.enum(METER_LIFECYCLE_EVENT_TYPES),
  status: z.enum(METER_STATUSES),
  // The meter's current key, so that verification can fill its key cache without a ledger read.
  publicKeyPem: publicKeyPemSchema.optional(),
  attestedBy: z.array(mspIdSchema),
  reason: z.string().min(1).max(1000).optional(),
  occurredAt: isoTimestampSchema,
  ...ledgerPositionShape,
});
export type MeterLifecycleV1 = z.infer<typeof meterLifecycleV1ValueSchema>;
