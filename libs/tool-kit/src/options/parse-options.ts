import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import type { z } from 'zod';
import { usageError } from '../tool-error';

type Values<T extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ options: T; strict: true; allowPositionals: false; allowNegative: true }>
>['values'];

/**
 * Strict parsing: an unknown option, a missing value or a stray word is a usage error (exit 2). `--no-<flag>` turns
 * a boolean option off, so that a default of true can be overridden.
 */
export function parseOptions<T extends ParseArgsOptionsConfig>(
  argv: readonly string[],
  options: T,
): Values<T> {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false, allowNegative: true })
      .values;
  } catch (error) {
    throw usageError(error instanceof Error ? error.message : String(error));
  }
}

/** The value of a required option. */
export function required(value: string | undefined, option: string): string {
  if (value === undefined || value === '') {
    throw usageError(`--${option} is required`);
  }
  return value;
}

/** Exactly one of two alternative options, e.g. --data or --file. */
export function exactlyOne(
  values: Readonly<Record<string, unknown>>,
  first: string,
  second: string,
): 'first' | 'second' {
  const hasFirst = values[first] !== undefined;
  const hasSecond = values[second] !== undefined;
  if (hasFirst === hasSecond) {
    throw usageError(`give exactly one of --${first} and --${second}`);
  }
  return hasFirst ? 'first' : 'second';
}

/** Validates an option's value with a schema of the API contracts, so bad input fails before any request. */
export function checked<Schema extends z.ZodTypeAny>(
  schema: Schema,
  value: string,
  option: string,
): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw usageError(`--${option}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
  }
  return parsed.data as z.output<Schema>;
}
