import { createProgressLog } from '@metrochain/tool-kit/workspace';

/** Progress output for long work: one line a step, with elapsed time. */
export const { step, detail, warn } = createProgressLog('devnet');
