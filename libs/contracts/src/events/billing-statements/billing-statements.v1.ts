import { z } from 'zod';
import { accountIdSchema, isoTimestampSchema, ledgerPositionShape } from '../shared/event-primitives';

const billingPeriodSchema = z
  .object({ from: isoTimestampSchema, to: isoTimestampSchema })
  .refine((period) => Date.parse(period.from) < Date.parse(period.to), {
    message: 'period.from must be before period.to',
  });

export const billingStatementsV1KeySchema = accountIdSchema;

/** A bill computed on the ledger from encrypted readings; the utility learns the amount, not the readings. */
export const billingStatementsV1ValueSchema = z.object({
  account: accountIdSchema,
  contractId: z.string().min(1).max(128),
  tariffId: z.string().min(1).max(128),
  period: billingPeriodSchema,
  // Minor currency units (e.g. cents): the inner product is an integer, so no rounding happens on the way.
  amountMinor: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code'),
  issuedAt: isoTimestampSchema,
  ...ledgerPositionShape,
});
export type BillingStatementsV1 = z.infer<typeof billingStatementsV1ValueSchema>;
