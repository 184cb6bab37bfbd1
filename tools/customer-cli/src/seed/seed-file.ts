import { readTextFile } from '@metrochain/tool-kit';
import { CliErrorCode, cliError } from '../cli-error';

/** The meter seed's length (docs/billing.md: a 32-byte seed). */
export const SEED_BYTES = 32;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * What a seed file holds: one meter's seed (what `seed` writes), or the seeds of several meters by meter id (the
 * simulated fleet's customer-seeds.json: `[{ meterId, customer, seed }]`).
 */
export type SeedFile =
  | { readonly kind: 'single'; readonly file: string; readonly seed: Uint8Array }
  | { readonly kind: 'per-meter'; readonly file: string; readonly seeds: ReadonlyMap<string, Uint8Array> };

/** The seed file's text: standard base64 of the 32 seed bytes and a newline. */
export function encodeSeed(seed: Uint8Array): string {
  if (seed.length !== SEED_BYTES) {
    throw cliError(CliErrorCode.SEED_INVALID, `a seed has ${SEED_BYTES} bytes, got ${seed.length}`);
  }
  return `${Buffer.from(seed).toString('base64')}\n`;
}

/**
 * The seed from its text: standard base64 of exactly 32 bytes, surrounding white space ignored. SEED_INVALID
 * otherwise; the message never quotes the text.
 */
export function parseSeed(text: string, where: string): Uint8Array {
  const trimmed = text.trim();
  if (trimmed === '' || !BASE64.test(trimmed)) {
    throw cliError(CliErrorCode.SEED_INVALID, `${where} does not hold a seed in standard base64`, {
      details: { where },
    });
  }
  const bytes = Buffer.from(trimmed, 'base64');
  if (bytes.length !== SEED_BYTES) {
    const message = `${where} holds ${bytes.length} bytes; a meter seed has ${SEED_BYTES}`;
    throw cliError(CliErrorCode.SEED_INVALID, message, { details: { where } });
  }
  return new Uint8Array(bytes);
}

/** A seed file's content, either kind; SEED_INVALID when it is neither. */
export function parseSeedFile(text: string, file: string): SeedFile {
  if (!text.trimStart().startsWith('[')) {
    return { kind: 'single', file, seed: parseSeed(text, file) };
  }
  let entries: unknown;
  try {
    entries = JSON.parse(text);
  } catch {
    throw cliError(CliErrorCode.SEED_INVALID, `${file} is neither a seed nor a JSON list of seeds`);
  }
  const seeds = new Map<string, Uint8Array>();
  (Array.isArray(entries) ? entries : [undefined]).forEach((entry: unknown, index) => {
    const { meterId, seed } = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<
      string,
      unknown
    >;
    if (typeof meterId !== 'string' || typeof seed !== 'string' || seeds.has(meterId)) {
      const message = `${file}: entry ${index} is not one { meterId, seed } of a meter not listed before`;
      throw cliError(CliErrorCode.SEED_INVALID, message);
    }
    seeds.set(meterId, parseSeed(seed, `${file} (meter ${meterId})`));
  });
  return { kind: 'per-meter', file, seeds };
}

export function readSeedFile(file: string): SeedFile {
  return parseSeedFile(readTextFile(file, 'seed file'), file);
}

/** The seed of `meterId`: a single seed serves whatever meter it was written into; a list must name the meter. */
export function seedOf(seedFile: SeedFile, meterId: string): Uint8Array {
  if (seedFile.kind === 'single') {
    return seedFile.seed;
  }
  const seed = seedFile.seeds.get(meterId);
  if (seed === undefined) {
    throw cliError(CliErrorCode.SEED_INVALID, `${seedFile.file} has no seed for meter ${meterId}`, {
      details: { meterId },
    });
  }
  return seed;
}
