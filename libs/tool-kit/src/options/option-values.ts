import { serviceBaseUrl } from '../endpoints/base-url';
import { usageError } from '../tool-error';

const INTEGER = /^(0|[1-9][0-9]*)$/;
const DECIMAL = /^(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/** A whole number in [min, max], or `fallback` when the option is absent. */
export function integerOption(
  text: string | undefined,
  option: string,
  bounds: Readonly<{ min: number; max: number; fallback: number }>,
): number {
  if (text === undefined) {
    return bounds.fallback;
  }
  const value = INTEGER.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < bounds.min || value > bounds.max) {
    throw usageError(
      `--${option}: expected a whole number from ${bounds.min} to ${bounds.max}, got ${JSON.stringify(text)}`,
    );
  }
  return value;
}

/** A positive decimal number up to `max`; undefined when absent. */
export function positiveNumberOption(
  text: string | undefined,
  option: string,
  max: number,
): number | undefined {
  if (text === undefined) {
    return undefined;
  }
  const value = DECIMAL.test(text) ? Number(text) : Number.NaN;
  if (!(value > 0 && value <= max)) {
    throw usageError(
      `--${option}: expected a number above 0 and at most ${max}, got ${JSON.stringify(text)}`,
    );
  }
  return value;
}

export interface NumberRange {
  min: number;
  max: number;
}

/** `low-high` (or one number for a fixed value) within [limits.min, limits.max]. */
export function rangeOption(
  text: string | undefined,
  option: string,
  limits: Readonly<NumberRange & { fallback: NumberRange }>,
): NumberRange {
  if (text === undefined) {
    return { ...limits.fallback };
  }
  const parts = text.split('-');
  const [low, high = low] = parts.map((part) => (DECIMAL.test(part) ? Number(part) : Number.NaN));
  const valid =
    parts.length <= 2 &&
    low !== undefined &&
    high !== undefined &&
    low >= limits.min &&
    high <= limits.max &&
    low <= high;
  if (!valid) {
    throw usageError(
      `--${option}: expected low-high within ${limits.min}-${limits.max} (e.g. 30-180), got ${JSON.stringify(text)}`,
    );
  }
  return { min: low, max: high };
}

/** A URL for a service: http or https, without a trailing slash; undefined when the option is absent. */
export function urlOption(text: string | undefined, option: string): string | undefined {
  return text === undefined ? undefined : serviceBaseUrl(text, `--${option}`);
}
