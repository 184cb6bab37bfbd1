import { canonicalJson } from '@metrochain/contracts';
import type { Context } from 'fabric-contract-api';

/** Anything that turns an unknown value into a T or throws; a zod schema is one. */
export type Parser<T> = Readonly<{ parse: (value: unknown) => T }>;

/** RFC 8785 canonical JSON, so that every endorser writes and returns byte-identical values. */
export function toCanonicalJson(value: unknown): string {
  return canonicalJson(value);
}

/** Writes `value` as canonical JSON and returns the JSON written. */
export async function putCanonicalState(ctx: Context, key: string, value: unknown): Promise<string> {
  const json = toCanonicalJson(value);
  await ctx.stub.putState(key, Buffer.from(json, 'utf8'));
  return json;
}

/** Reads and validates a stored value; undefined when the key has no value. */
export async function getParsedState<T>(
  ctx: Context,
  key: string,
  parser: Parser<T>,
): Promise<T | undefined> {
  return parseStoredValue(await ctx.stub.getState(key), parser);
}

/** Validates a value as read from the ledger; undefined for the empty value of a key that has none. */
export function parseStoredValue<T>(bytes: Uint8Array, parser: Parser<T>): T | undefined {
  return bytes.length === 0 ? undefined : parseStoredJson(bytes, parser);
}

/** Reads every value under a composite-key prefix, in key order; the iterator is always closed. */
export async function listParsedState<T>(
  ctx: Context,
  objectType: string,
  attributes: readonly string[],
  parser: Parser<T>,
): Promise<T[]> {
  const iterator = await ctx.stub.getStateByPartialCompositeKey(objectType, [...attributes]);
  const values: T[] = [];
  try {
    for (let result = await iterator.next(); !result.done; result = await iterator.next()) {
      values.push(parseStoredJson(result.value.value, parser));
    }
  } finally {
    await iterator.close();
  }
  return values;
}

function parseStoredJson<T>(bytes: Uint8Array, parser: Parser<T>): T {
  return parser.parse(JSON.parse(Buffer.from(bytes).toString('utf8')));
}
