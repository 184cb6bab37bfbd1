import { readFileSync, writeFileSync } from 'node:fs';
import { CliErrorCode, cliError } from '../cli-error';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The file's text; other bytes than UTF-8 are refused rather than silently replaced. */
export function readTextFile(path: string, what: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (cause) {
    throw cliError(CliErrorCode.FILE_UNREADABLE, `cannot read ${what} ${path}: ${messageOf(cause)}`, {
      cause,
    });
  }
  try {
    return utf8.decode(bytes);
  } catch (cause) {
    throw cliError(CliErrorCode.FILE_UNREADABLE, `${what} ${path} is not UTF-8 text`, { cause });
  }
}

/** Creates the file with `mode`; never overwrites (a seed lost to a typo cannot be had back). */
export function writeNewFile(path: string, text: string, mode: number): void {
  try {
    writeFileSync(path, text, { mode, flag: 'wx' });
  } catch (cause) {
    const exists = (cause as NodeJS.ErrnoException).code === 'EEXIST';
    throw cliError(
      exists ? CliErrorCode.FILE_EXISTS : CliErrorCode.FILE_UNREADABLE,
      exists ? `${path} exists; refusing to overwrite it` : `cannot write ${path}: ${messageOf(cause)}`,
      { cause, details: { path } },
    );
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
