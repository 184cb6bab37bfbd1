import { z } from 'zod';
import { meterIdSchema, meterModelSchema, readingSchema, sequenceNumberSchema } from '@metrochain/contracts';
import { readingTruthSchema } from '../readings/reading-truth';

export const METER_KINDS = ['speed', 'energy'] as const;
export type MeterKind = (typeof METER_KINDS)[number];

/** A signed reading with its id and the truth behind it. */
export const sentReadingSchema = z.object({
  readingId: z.string().min(1),
  reading: readingSchema,
  truth: readingTruthSchema,
});
export type SentReading = z.infer<typeof sentReadingSchema>;

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
});
export type MeterRecord = z.infer<typeof meterRecordSchema>;
