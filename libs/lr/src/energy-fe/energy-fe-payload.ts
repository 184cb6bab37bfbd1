import { z } from 'zod';

/** Slots of a UTC day, 15 minutes each (libs/fe's SLOTS_PER_DAY). */
export const FE_SLOTS_PER_DAY = 96;

// A day that exists: Date normalises 2026-02-30 to 2026-03-02, so the round trip refuses it.
function isCalendarDay(day: string): boolean {
  const time = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === day;
}

/**
 * An energy-fe reading: the meter integrated the slot's Wh itself and sends only its ciphertext, one ristretto255
 * point (32 bytes, standard base64), encrypted under the label of its UTC `day` and the key of `slot`.
 */
export const energyFePayloadSchema = z
  .object({
    day: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day YYYY-MM-DD')
      .refine(isCalendarDay, 'expected a calendar day that exists'),
    slot: z
      .number()
      .int()
      .min(0)
      .max(FE_SLOTS_PER_DAY - 1),
    ciphertext: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'expected 32 bytes in standard base64'),
  })
  .strict();
export type EnergyFePayload = z.infer<typeof energyFePayloadSchema>;
