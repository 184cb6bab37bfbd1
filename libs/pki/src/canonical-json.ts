/**
 * RFC 8785 (JSON Canonicalization Scheme) text of a JSON value: object members sorted by the UTF-16 code units of
 * their names, no whitespace, strings and numbers as ECMAScript's JSON.stringify writes them. This is the byte form
 * meters sign (the reading without its signature), verifiers check and endorsers write, so every party computes the
 * same bytes. Arrays of numbers, the bulk of a reading's sensor data, are written by JSON.stringify in one native
 * call; a general-purpose canonicalizer spent most of a reading's serialization time on them.
 *
 * Like JSON.stringify: `undefined`, functions and symbols are left out of objects and written as null in arrays,
 * `toJSON` is honoured. Unlike it: NaN and ±Infinity are refused (TypeError) rather than written as null, and the
 * whole value must have a JSON text (a top-level `undefined` is a TypeError too).
 */
export function canonicalJson(value: unknown): string {
  const json = serialize(value);
  if (json === undefined) {
    throw new TypeError('value has no JSON representation');
  }
  return json;
}

function serialize(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return serializeNumber(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      return value === null ? 'null' : serializeObjectOrArray(value);
    case 'bigint':
      throw new TypeError('a BigInt has no JSON representation');
    default:
      return undefined;
  }
}

function serializeNumber(value: number): string {
  if (!Number.isFinite(value)) {
    throw new TypeError(`${String(value)} has no JSON representation`);
  }
  return JSON.stringify(value);
}

function serializeObjectOrArray(value: object): string | undefined {
  if (Array.isArray(value)) {
    return isFiniteNumberArray(value) ? JSON.stringify(value) : serializeArray(value);
  }
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') {
    return serialize((toJSON as () => unknown).call(value));
  }
  return serializeMembers(value as Record<string, unknown>);
}

function isFiniteNumberArray(values: readonly unknown[]): boolean {
  for (const item of values) {
    if (typeof item !== 'number' || !Number.isFinite(item)) {
      return false;
    }
  }
  return true;
}

function serializeArray(values: readonly unknown[]): string {
  let json = '[';
  for (let index = 0; index < values.length; index += 1) {
    if (index > 0) {
      json += ',';
    }
    json += serialize(values[index]) ?? 'null';
  }
  return `${json}]`;
}

function serializeMembers(object: Record<string, unknown>): string {
  let json = '{';
  for (const name of Object.keys(object).sort()) {
    const member = serialize(object[name]);
    if (member !== undefined) {
      json += `${json.length > 1 ? ',' : ''}${JSON.stringify(name)}:${member}`;
    }
  }
  return `${json}}`;
}
