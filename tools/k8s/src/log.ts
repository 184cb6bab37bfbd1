import { createProgressLog } from '@metrochain/tool-kit/workspace';

/** Progress output for long work: one line a step, with elapsed time (as the devnet prints its install). */
export const { step, detail, warn } = createProgressLog('k8s');
