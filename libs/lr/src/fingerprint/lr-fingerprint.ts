import path from 'node:path';
import { computeCodeFingerprint } from './code-fingerprint';

/**
 * Fingerprint of this library's compiled code (every `.js` file under its `dist/`, tests excluded): what a
 * notified body approves and every recorded measurement names. Computed once at load, so the code cannot change
 * between fingerprinting and running it.
 */
export const LR_FINGERPRINT: string = computeCodeFingerprint(path.resolve(__dirname, '..'));
