import { z } from 'zod';
import { meterIdSchema } from '@metrochain/contracts';
import { feStateSchema } from './meter-record';

/**
 * One line of the customers' seed file: the seed an installer wrote into the meter, which its customer keeps
 * (docs/billing.md, "Seeds at installation") to issue functional keys and decrypt the readings.
 */
export const customerSeedSchema = z
  .object({ meterId: meterIdSchema, customer: feStateSchema.shape.customer, seed: feStateSchema.shape.seed })
  .strict();
export type CustomerSeed = z.infer<typeof customerSeedSchema>;

export const customerSeedsSchema = z.array(customerSeedSchema);
