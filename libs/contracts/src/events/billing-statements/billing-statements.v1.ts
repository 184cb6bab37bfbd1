import { z } from 'zod';
import { accountIdSchema, blockNumberSchema } from '../shared/event-primitives';
import { statementSchema } from '../../ledger/billing';

export const billingStatementsV1KeySchema = accountIdSchema;

/**
 * A bill computed on the ledger from encrypted readings, endorsed by two NMIs: the utility learns the amount, not
 * the readings (docs/billing.md). One event per revision: `incomplete` (the missing slots, no amount) may be
 * followed by a later revision; `complete` is final. Delivered at least once: (accountId, period, revision)
 * identifies an event.
 */
export const billingStatementsV1ValueSchema = z.intersection(
  statementSchema,
  z.object({ blockNumber: blockNumberSchema }),
);
export type BillingStatementsV1 = z.infer<typeof billingStatementsV1ValueSchema>;
