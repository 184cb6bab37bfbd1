import { z } from 'zod';
import {
  isoDaySchema,
  meterIdSchema,
  meterModelSchema,
  readingSchema,
  sequenceNumberSchema,
} from '@metrochain/contracts';
import { readingTruthSchema } from '../readings/reading-truth';

export const METER_KINDS = ['speed', 'energy', 'energy-fe'] as const;
export type MeterKind = (typeof METER_KINDS)[number];

/** A signed reading with its id and the truth behind it. */
export const sentReadingSchema = z.object({
  readingId: z.string().min(1),
  reading: readingSchema,
  truth: readingTruthSchema,
});
export type SentReading = z.infer<typeof sentReadingSchema>;

/** What an energy-fe meter keeps besides its key: its FE seed, its customer, and how far it walked its slots. */
export const feStateSchema = z.object({
  /** The meter's FE seed, standard base64 of 32 bytes; also in the customer's seed file, never logged. */
  seed: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'expected 32 bytes in standard base64'),
  /** Who holds the seed (customer-0001, …). */
  customer: z.string().min(1),
  /** Slot 0 of this UTC day is the meter's first slot: the first day of the month before its installation. */
  installedDay: isoDaySchema,
  /**
   * Slots from slot 0 of `installedDay` up to the last handed to a POST: the next slot to sign. As with `nextSeq`,
   * a slot signed but never sent is signed afresh after a restart; one sent is never signed again (FE_SLOT_TAKEN).
   */
  nextSlot: z.number().int().nonnegative(),
});
export type FeState = z.infer<typeof feStateSchema>;

/** What the state folder keeps per meter (meters/<meterId>.json), so a restarted fleet goes on where it stopped. */
export const meterRecordSchema = z.object({
  meterId: meterIdSchema,
  kind: z.enum(METER_KINDS),
  model: meterModelSchema,
  /** PKCS#8 PEM; the file is written with mode 0600. */
  privateKeyPem: z.string().min(1),
  /** The seq of the next reading this meter signs. */
  nextSeq: sequenceNumberSchema,
  /** MSP ids of the NMIs that attested this meter. */
  attestedBy: z.array(z.string()),
  active: z.boolean(),
  /** Handed to a POST and not yet acknowledged (202): sent again, unchanged, before anything new. */
  pending: z.array(sentReadingSchema),
  /** energy-fe meters only. */
  fe: feStateSchema.optional(),
});
export type MeterRecord = z.infer<typeof meterRecordSchema>;
