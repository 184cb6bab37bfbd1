import { DomainError } from '@metrochain/errors';
import type { z } from 'zod';
import { ConfigErrorCode } from './config-error-code';
import { describeIssues, toConfigIssues } from './format-issues';

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Validates the environment once at start-up. The schema reads flat variables and may `transform` them into a nested
 * config object; the result is its output type. Every invalid variable is reported in one `CONFIG_INVALID` error.
 */
export function loadConfig<Schema extends z.ZodTypeAny>(
  schema: Schema,
  env: Environment = process.env,
): z.output<Schema> {
  const parsed = schema.safeParse(env);
  if (parsed.success) {
    return parsed.data as z.output<Schema>;
  }
  const issues = toConfigIssues(parsed.error.issues);
  throw new DomainError({
    code: ConfigErrorCode.CONFIG_INVALID,
    message: `invalid configuration: ${describeIssues(issues)}`,
    details: { issues },
    cause: parsed.error,
  });
}
