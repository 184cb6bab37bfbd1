import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../../encoding/canonical-json';
import { isEncodableJson } from '../../encoding/encodable-json';
import { base64Schema, isoTimestampSchema, meterIdSchema, sequenceNumberSchema } from './event-primitives';

export const READING_KINDS = ['speed', 'energy', 'energy-fe'] as const;
export type ReadingKind = (typeof READING_KINDS)[number];

/** Levels of objects and arrays a payload may have, itself included; every kind's data has two (sample arrays). */
export const MAX_PAYLOAD_DEPTH = 16;

/**
 * A signed reading as a meter posts it. The signature (ECDSA-P256-SHA256, DER, base64) covers the RFC 8785
 * canonical JSON of the reading without `signature`. Identity of a reading: `meterId` + `seq`.
 */
export const readingSchema = z
  .object({
    meterId: meterIdSchema,
    seq: sequenceNumberSchema,
    measuredAt: isoTimestampSchema,
    kind: z.enum(READING_KINDS),
    // The kind's raw sensor data; its shape belongs to the LR algorithm of that kind, which checks it.
    payload: z
      .record(z.string(), z.unknown())
      .refine((payload) => isEncodableJson(payload, MAX_PAYLOAD_DEPTH), {
        message: `expected JSON of finite numbers nested at most ${String(MAX_PAYLOAD_DEPTH)} deep`,
      })
      .describe("The kind's raw sensor data (loop signals, voltage/current samples, or an FE ciphertext)"),
    signature: base64Schema.describe(
      'ECDSA-P256-SHA256 signature, DER, standard base64, over the RFC 8785 JSON of the reading without `signature`',
    ),
  })
  // Unknown fields are refused rather than stripped: stripping would change the signed bytes and break the signature.
  .strict();
export type Reading = z.infer<typeof readingSchema>;

/** A reading before it is signed, or a signed one: its signed text leaves `signature` out either way. */
export type SignableReading = Omit<Reading, 'signature'> & { signature?: string };

/** The text a meter signs: the RFC 8785 canonical JSON of the reading without `signature`. */
export function signedTextOf(reading: Readonly<SignableReading>): string {
  const signed: Record<string, unknown> = { ...reading };
  delete signed['signature'];
  return canonicalJson(signed);
}

/** SHA-256 hex of the signed text (UTF-8): the reading's digest on the ledger and in its reading id. */
export function readingDigestOf(reading: Readonly<SignableReading>): string {
  return digestOfSignedText(signedTextOf(reading));
}

/** `readingDigestOf` for a signed text already at hand. */
export function digestOfSignedText(signedText: string): string {
  return createHash('sha256').update(signedText, 'utf8').digest('hex');
}
