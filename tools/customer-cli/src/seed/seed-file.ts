import { CliErrorCode, cliError } from '../cli-error';
import { readTextFile } from '../io/files';

/** The meter seed's length (docs/billing.md: a 32-byte seed). */
export const SEED_BYTES = 32;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The seed file's text: standard base64 of the 32 seed bytes and a newline. */
export function encodeSeed(seed: Uint8Array): string {
  if (seed.length !== SEED_BYTES) {
    throw cliError(CliErrorCode.SEED_INVALID, `a seed has ${SEED_BYTES} bytes, got ${seed.length}`);
  }
  return `${Buffer.from(seed).toString('base64')}\n`;
}

/**
 * The seed from a seed file's text: standard base64 of exactly 32 bytes, surrounding white space ignored.
 * SEED_INVALID otherwise; the message never quotes the file's content.
 */
export function parseSeed(text: string, file: string): Uint8Array {
  const trimmed = text.trim();
  if (trimmed === '' || !BASE64.test(trimmed)) {
    throw cliError(CliErrorCode.SEED_INVALID, `${file} does not hold a seed in standard base64`, {
      details: { file },
    });
  }
  const bytes = Buffer.from(trimmed, 'base64');
  if (bytes.length !== SEED_BYTES) {
    const message = `${file} holds ${bytes.length} bytes; a meter seed has ${SEED_BYTES}`;
    throw cliError(CliErrorCode.SEED_INVALID, message, { details: { file } });
  }
  return new Uint8Array(bytes);
}

export function readSeedFile(file: string): Uint8Array {
  return parseSeed(readTextFile(file, 'seed file'), file);
}
