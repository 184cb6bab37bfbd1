import { z } from 'zod';
import {
  accountRequestSchema,
  computeStatementRequestSchema,
  functionalKeySchema,
  keyIdSchema,
  keyIssuanceRequestSchema,
  statementSchema,
  tariffApprovalRequestSchema,
} from '../ledger/billing';
import { isoMonthSchema } from '../events/shared/event-primitives';

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

const [completeStatementSchema] = statementSchema.options;

/**
 * A statement as the OpenAPI document shows it: one object whose amounts are present when `status` is `complete`
 * (the answers are validated by `statementSchema`, the discriminated union, which OpenAPI DTOs cannot extend).
 */
export const statementViewSchema = completeStatementSchema.extend({
  status: z.enum(['complete', 'incomplete']),
  innerProductMilliMinor: completeStatementSchema.shape.innerProductMilliMinor.optional(),
  amountMinor: completeStatementSchema.shape.amountMinor.optional(),
});
