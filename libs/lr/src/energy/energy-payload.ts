import { z } from 'zod';

export const MAX_ENERGY_SAMPLES = 4096;
/** Beyond these no low-voltage meter measures: a fault or tampering. */
export const MAX_ABS_VOLTAGE_V = 1000;
export const MAX_ABS_CURRENT_A = 1000;

const samplesSchema = z.array(z.number().finite()).min(2).max(MAX_ENERGY_SAMPLES);

/** Instantaneous voltage and current, sampled together at `sampleRateHz`. */
export const energyPayloadSchema = z
  .object({
    sampleRateHz: z.number().int().min(10).max(100_000),
    voltageV: samplesSchema,
    currentA: samplesSchema,
  })
  .strict();
export type EnergyPayload = z.infer<typeof energyPayloadSchema>;
