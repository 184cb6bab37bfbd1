import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { usageError } from '../fleet-error';

type Values<T extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ options: T; strict: true; allowPositionals: false; allowNegative: true }>
>['values'];

/** Strict parsing: an unknown option, a missing value or a stray word is a usage error (exit 2). */
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
