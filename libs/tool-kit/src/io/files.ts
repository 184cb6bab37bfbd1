import { readFileSync, writeFileSync } from 'node:fs';
import { codedError } from '../tool-error';

/** The codes of the file helpers; a tool lists them among its own (e.g. `{ ...FileErrorCode, SEED_INVALID }`). */
export const FileErrorCode = {
  FILE_UNREADABLE: 'FILE_UNREADABLE',
  FILE_EXISTS: 'FILE_EXISTS',
} as const;
export type FileErrorCode = (typeof FileErrorCode)[keyof typeof FileErrorCode];

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The file's text; other bytes than UTF-8 are refused (FILE_UNREADABLE) rather than silently replaced. */
export function readTextFile(path: string, what: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (cause) {
    throw codedError<FileErrorCode>(
      FileErrorCode.FILE_UNREADABLE,
      `cannot read ${what} ${path}: ${messageOf(cause)}`,
      { cause },
    );
  }
  return decodeUtf8(bytes, `${what} ${path}`);
}

/** `bytes` as UTF-8 text (e.g. standard input); `what` names them in the FILE_UNREADABLE error. */
export function decodeUtf8(bytes: Uint8Array, what: string): string {
  try {
    return utf8.decode(bytes);
  } catch (cause) {
    throw codedError<FileErrorCode>(FileErrorCode.FILE_UNREADABLE, `${what} is not UTF-8 text`, { cause });
  }
}

/** Creates the file with `mode`; never overwrites (FILE_EXISTS: a key or seed lost to a typo cannot be had back). */
export function writeNewFile(path: string, text: string, mode: number): void {
  try {
    writeFileSync(path, text, { mode, flag: 'wx' });
  } catch (cause) {
    const exists = (cause as NodeJS.ErrnoException).code === 'EEXIST';
    throw codedError<FileErrorCode>(
      exists ? FileErrorCode.FILE_EXISTS : FileErrorCode.FILE_UNREADABLE,
      exists ? `${path} exists; refusing to overwrite it` : `cannot write ${path}: ${messageOf(cause)}`,
      { cause, details: { path } },
    );
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
