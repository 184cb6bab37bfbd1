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

// Date and time of day with an offset (Z, +hh:mm, +hhmm; hours to 23, minutes to 59: an offset such as +10:91 made
// Date.parse give NaN downstream), seconds and their fraction optional. The date is spelled
// out (days per month, 29 February of leap years only) so that the pattern the OpenAPI document shows refuses
// exactly what the parser refuses, and one compiled pattern decides.
const COMMON_DATE =
  '\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))';
const LEAP_DAY = '(?:\\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29';
const ISO_TIMESTAMP = new RegExp(
  `^(?:${COMMON_DATE}|${LEAP_DAY})T(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d+)?)?(?:Z|[+-](?:[01]\\d|2[0-3]):?[0-5]\\d)$`,
);

/** Whether `text` is an ISO 8601 timestamp with an explicit offset on a day that exists (2024-02-29, not 2026-02-29). */
export function isIsoTimestamp(text: string): boolean {
  return ISO_TIMESTAMP.test(text);
}

const ISO_DAY = new RegExp(`^(?:${COMMON_DATE}|${LEAP_DAY})$`);

/** A calendar day, `YYYY-MM-DD`, that exists (UTC days: the FE label of a meter's day, docs/billing.md). */
export const isoDaySchema = z.string().regex(ISO_DAY, 'expected a calendar day YYYY-MM-DD');

/** A calendar month, `YYYY-MM` (a billing period, UTC). */
export const isoMonthSchema = z
  .string()
  .regex(/^\d{4}-(?:0[1-9]|1[0-2])$/, 'expected a calendar month YYYY-MM');

const ISO_TIMESTAMP_MESSAGE = 'expected an ISO 8601 timestamp with an offset (Z or +hh:mm)';

/**
 * ISO 8601 with an explicit offset, so that no consumer has to guess the time zone. Checked by one compiled pattern:
 * zod's own datetime check builds its pattern again on every parse, a few percent of a service's CPU under load.
 * It is a `regex` check, not a refinement, so that the OpenAPI document carries it (a generator cannot see into a
 * refinement).
 */
export const isoTimestampSchema = z
  .string()
  .regex(ISO_TIMESTAMP, ISO_TIMESTAMP_MESSAGE)
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
