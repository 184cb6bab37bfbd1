import { z } from 'zod';
import {
  isoDaySchema,
  meterIdSchema,
  sequenceNumberSchema,
  sha256HexSchema,
  slotSchema,
} from '@metrochain/contracts';

/**
 * What the fleet knows and the ledger must find out: the true value behind a reading, before sensor noise and
 * before the LR algorithm (for energy-fe: before encryption). Tests compare the recorded measurement with it.
 */
export const readingTruthSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('speed'),
    meterId: meterIdSchema,
    seq: sequenceNumberSchema,
    trueSpeedKmh: z.number().finite().positive(),
    plateImageSha256: sha256HexSchema,
  }),
  z.object({
    kind: z.literal('energy'),
    meterId: meterIdSchema,
    seq: sequenceNumberSchema,
    trueEnergyWh: z.number().finite(),
  }),
  // The Wh the meter encrypted for the slot: only the customer (with the seed) and the bill can tell.
  z.object({
    kind: z.literal('energy-fe'),
    meterId: meterIdSchema,
    seq: sequenceNumberSchema,
    day: isoDaySchema,
    slot: slotSchema,
    trueWh: z.number().int(),
  }),
]);
export type ReadingTruth = z.infer<typeof readingTruthSchema>;
