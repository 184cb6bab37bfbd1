import { z } from 'zod';

/** What /health/live answers while the process serves HTTP; a platform-only shape, so not in libs/contracts. */
export const livenessSchema = z.object({ status: z.literal('ok') });
export type Liveness = z.infer<typeof livenessSchema>;
