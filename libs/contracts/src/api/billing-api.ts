import { z } from 'zod';
import {
  accountRequestSchema,
  computeStatementRequestSchema,
  keyIdSchema,
  keyIssuanceRequestSchema,
  tariffApprovalRequestSchema,
} from '../ledger/billing';
import { base64Schema, isoMonthSchema } from '../events/shared/event-primitives';

/**
 * HTTP API of the billing service (docs/billing.md). Operators put tariffs into the catalogue, utilities open
 * accounts and read their customers' statements, customers issue functional keys and fetch their own ciphertexts
 * to decrypt. Errors are `{ code, message }`.
 */
export const BillingApiPaths = {
  tariffs: '/tariffs',
  tariff: '/tariffs/:tariffId/versions/:version',
  accounts: '/accounts',
  account: '/accounts/:accountId',
  keys: '/accounts/:accountId/keys',
  statements: '/accounts/:accountId/statements',
  ciphertexts: '/accounts/:accountId/ciphertexts',
} as const;

/** POST /tariffs: an operator puts a tariff version into the catalogue (the ledger checks the band widths). */
export const tariffInputSchema = tariffApprovalRequestSchema.omit({ approvedBy: true });
export type TariffInput = z.infer<typeof tariffInputSchema>;

/** POST /accounts: a utility opens an account for one of its customers and the customer's meter. */
export const accountInputSchema = accountRequestSchema.omit({ utility: true });
export type AccountInput = z.infer<typeof accountInputSchema>;

/** A functional key: two ristretto255 scalars, 64 bytes, standard base64. */
export const functionalKeySchema = base64Schema.describe(
  'd = Σ yⱼ·sⱼ: two ristretto255 scalars (32-byte little-endian each), standard base64',
);

const issuance = keyIssuanceRequestSchema.innerType().shape;

/** POST /accounts/:accountId/keys: the account's customer issues a key for a catalogue tariff. */
export const keyInputSchema = z
  .object({
    keyId: keyIdSchema.optional().describe('Chosen by the service when absent'),
    tariffId: issuance.tariffId,
    tariffVersion: issuance.tariffVersion,
    validFrom: issuance.validFrom,
    validTo: issuance.validTo,
    functionalKey: functionalKeySchema,
  })
  .strict();
export type KeyInput = z.infer<typeof keyInputSchema>;

/** POST /accounts/:accountId/statements: the utility closes one ended month now instead of waiting for the closer. */
export const closePeriodInputSchema = computeStatementRequestSchema.pick({ period: true }).strict();
export type ClosePeriodInput = z.infer<typeof closePeriodInputSchema>;

/** GET /accounts/:accountId/ciphertexts?period=YYYY-MM */
export const ciphertextsQuerySchema = z.object({ period: isoMonthSchema }).strict();
