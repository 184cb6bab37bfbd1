import { isDomainError } from '@metrochain/errors';
import type { Logger } from '@metrochain/observability';

/** Code of a start-up failure that carries none of its own, i.e. a bug rather than a bad setting. */
export const STARTUP_FAILED = 'STARTUP_FAILED';

export interface StartupFailure {
  code: string;
  message: string;
  details?: Readonly<Record<string, unknown>>;
  /** Only for uncoded failures: a coded one says all an operator needs. */
  stack?: string;
}

export function describeStartupFailure(error: unknown): StartupFailure {
  if (isDomainError(error)) {
    return Object.keys(error.details).length === 0
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, details: error.details };
  }
  if (error instanceof Error) {
    return error.stack === undefined
      ? { code: STARTUP_FAILED, message: error.message }
      : { code: STARTUP_FAILED, message: error.message, stack: error.stack };
  }
  return { code: STARTUP_FAILED, message: String(error) };
}

/** One fatal JSON line: `{"level":"fatal","code":…,"msg":"start-up failed: …"}`. */
export function logStartupFailure(logger: Logger, error: unknown): StartupFailure {
  const failure = describeStartupFailure(error);
  const { message, ...fields } = failure;
  logger.fatal(fields, `start-up failed: ${message}`);
  return failure;
}
