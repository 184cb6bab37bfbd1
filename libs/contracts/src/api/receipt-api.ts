import { z } from 'zod';
import { meterIdSchema } from '../events/shared/event-primitives';
import { attestationSchema, meterKeySchema, signatureCheckSchema } from '../ledger/registry';

/**
 * The public receipt check (docs/dashboard.md): a receipt is `MC1|<meterId>|<base64url(canonical reading JSON
 * without signature)>|<base64 DER ECDSA-P256-SHA256 signature>`, printed as text and as a QR code. Anyone may check it.
 */
export const ReceiptApiPaths = {
  page: '/receipt',
  check: '/api/public/receipts/check',
  meter: '/api/public/meters/:meterId',
} as const;

export const RECEIPT_PREFIX = 'MC1';
export const RECEIPT_MAX_LENGTH = 16_384;

export const ReceiptErrorCode = {
  RECEIPT_MALFORMED: 'RECEIPT_MALFORMED',
  METER_UNKNOWN: 'METER_UNKNOWN',
} as const;
export type ReceiptErrorCode = (typeof ReceiptErrorCode)[keyof typeof ReceiptErrorCode];

export const receiptCheckRequestSchema = z
  .object({ receipt: z.string().trim().min(1).max(RECEIPT_MAX_LENGTH) })
  .strict();
export type ReceiptCheckRequest = z.infer<typeof receiptCheckRequestSchema>;

/** The registry's verdict at measurement time, and what the receipt says. */
export const receiptCheckResponseSchema = z.object({
  genuine: z.boolean(),
  meterId: meterIdSchema,
  seq: z.number().int().optional(),
  measuredAt: z.string(),
  kind: z.string().optional(),
  check: signatureCheckSchema,
});
export type ReceiptCheckResponse = z.infer<typeof receiptCheckResponseSchema>;

export const publicMeterParamSchema = meterIdSchema;

/** A meter's public keys and who attested it: what a browser needs to check a receipt itself. */
export const publicMeterSchema = z.object({
  meterId: meterIdSchema,
  status: z.string(),
  publicKeyPem: z.string(),
  keyHistory: z.array(meterKeySchema),
  attestedBy: z.array(attestationSchema.shape.msp),
});
export type PublicMeter = z.infer<typeof publicMeterSchema>;

export interface ParsedReceipt {
  meterId: string;
  signedText: string;
  signature: string;
  reading: Record<string, unknown>;
}

/** Splits and decodes a receipt; undefined when it is not one (wrong prefix, parts, encoding or JSON). */
export function parseReceipt(text: string): ParsedReceipt | undefined {
  const parts = text.trim().split('|');
  const [prefix, meterId, body, signature] = parts;
  if (parts.length !== 4 || prefix !== RECEIPT_PREFIX || meterId === undefined || body === undefined) {
    return undefined;
  }
  if (
    signature === undefined ||
    !/^[A-Za-z0-9_-]+$/.test(body) ||
    !/^[A-Za-z0-9+/]+={0,2}$/.test(signature)
  ) {
    return undefined;
  }
  const signedText = Buffer.from(body, 'base64url').toString('utf8');
  try {
    const reading: unknown = JSON.parse(signedText);
    if (typeof reading !== 'object' || reading === null || Array.isArray(reading)) {
      return undefined;
    }
    return { meterId, signedText, signature, reading: reading as Record<string, unknown> };
  } catch {
    return undefined;
  }
}

/** The receipt of a signed reading's text and signature. */
export function formatReceipt(meterId: string, signedText: string, signature: string): string {
  return [RECEIPT_PREFIX, meterId, Buffer.from(signedText, 'utf8').toString('base64url'), signature].join(
    '|',
  );
}
