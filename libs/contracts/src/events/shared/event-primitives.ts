import { z } from 'zod';

/** Identifiers used as record keys: short, printable, no whitespace, so they are safe in logs and ledger keys. */
const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export const meterIdSchema = z
  .string()
  .regex(IDENTIFIER, 'expected a meter id of 1-128 letters, digits, . _ : -');

export const accountIdSchema = z
  .string()
  .regex(IDENTIFIER, 'expected an account id of 1-128 letters, digits, . _ : -');

/** An MSP id names the organisation (NMI) that acted, e.g. `PTBMSP`. */
export const mspIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.-]{0,63}$/, 'expected an MSP id');

// Date and time of day with an offset (Z, +hh:mm, +hhmm), seconds and their fraction optional.
const ISO_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** Whether `text` is an ISO 8601 timestamp with an explicit offset on a day that exists (2024-02-29, not 2026-02-29). */
export function isIsoTimestamp(text: string): boolean {
  const match = ISO_TIMESTAMP.exec(text);
  if (match === null) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const ISO_TIMESTAMP_MESSAGE = 'expected an ISO 8601 timestamp with an offset (Z or +hh:mm)';

/**
 * ISO 8601 with an explicit offset, so that no consumer has to guess the time zone. Checked by one compiled pattern:
 * zod's own datetime check builds its pattern again on every parse, a few percent of a service's CPU under load.
 * The pattern is a `regex` check so that the OpenAPI document carries it (a generator cannot see into a refinement);
 * the refinement adds what a pattern cannot say, that the day exists, and leaves texts the pattern refused to it.
 */
export const isoTimestampSchema = z
  .string()
  .regex(ISO_TIMESTAMP, ISO_TIMESTAMP_MESSAGE)
  .refine((text) => !ISO_TIMESTAMP.test(text) || isIsoTimestamp(text), ISO_TIMESTAMP_MESSAGE)
  .describe('ISO 8601 date and time with an offset (Z or +hh:mm)');

export const base64Schema = z
  .string()
  .min(4)
  .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'expected standard base64');

export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex SHA-256 digest');

/** Fabric transaction ids are the lowercase hex SHA-256 of nonce and creator. */
export const txIdSchema = sha256HexSchema;

// JSON numbers are doubles: anything above 2^53 would silently lose precision in every consumer.
export const blockNumberSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const sequenceNumberSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const publicKeyPemSchema = z
  .string()
  .regex(
    /^-----BEGIN PUBLIC KEY-----\r?\n[A-Za-z0-9+/=\r\n]+-----END PUBLIC KEY-----\r?\n?$/,
    'expected an SPKI public key in PEM',
  );

/** Where a value was committed on the ledger; present on every event that reports a ledger write. */
export const ledgerPositionShape = {
  txId: txIdSchema,
  blockNumber: blockNumberSchema,
};
