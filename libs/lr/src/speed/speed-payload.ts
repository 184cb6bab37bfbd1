import { z } from 'zod';

export const MIN_LOOP_SAMPLES = 16;
export const MAX_LOOP_SAMPLES = 8192;

const samplesSchema = z.array(z.number().finite()).min(MIN_LOOP_SAMPLES).max(MAX_LOOP_SAMPLES);

/**
 * Raw data of a two-loop speed meter: loop A, then loop B `loopDistanceM` further along the road (leading edge to
 * leading edge), both sampled from the same instant at `sampleRateHz`. Each loop's samples start idle and rise while
 * a vehicle is over it (the detector's output, in any unit and offset, e.g. ADC counts).
 */
export const speedPayloadSchema = z
  .object({
    loopDistanceM: z.number().min(0.5).max(20),
    sampleRateHz: z.number().int().min(100).max(200_000),
    loopA: samplesSchema,
    loopB: samplesSchema,
    /** The plate image stays with the operator; the meter signs its hash. */
    plateImageSha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
  })
  .strict();
export type SpeedPayload = z.infer<typeof speedPayloadSchema>;
