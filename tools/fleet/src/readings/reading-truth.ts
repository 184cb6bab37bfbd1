import { z } from 'zod';
import { meterIdSchema, sequenceNumberSchema, sha256HexSchema } from '@metrochain/contracts';

/**
 * What the fleet knows and the ledger must find out: the true value behind a reading, before sensor noise and
 * before the LR algorithm. Tests compare the recorded measurement with it.
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
]);
export type ReadingTruth = z.infer<typeof readingTruthSchema>;
