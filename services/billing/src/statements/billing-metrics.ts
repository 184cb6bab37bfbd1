import type { BillingStatementsV1 } from '@metrochain/contracts';
import { isDomainError } from '@metrochain/errors';
import type { Metrics } from '@metrochain/service-kit';

export const STATEMENTS_METRIC = 'metrochain_billing_statements_published_total';
export const STATEMENT_FAILURES_METRIC = 'metrochain_billing_statement_failures_total';

export interface BillingMetrics {
  published: (statement: Readonly<BillingStatementsV1>) => void;
  failed: (error: unknown) => void;
}

/** Statement revisions published by status (complete, incomplete), and failed computations by error code. */
export function billingMetrics(metrics: Metrics): BillingMetrics {
  const statements = metrics.counter({
    name: STATEMENTS_METRIC,
    help: 'Statement revisions published on billing.statements.v1, by status',
    labelNames: ['status'],
  });
  const failures = metrics.counter({
    name: STATEMENT_FAILURES_METRIC,
    help: 'Statements the closer could not compute or publish this time, by error code',
    labelNames: ['code'],
  });
  return {
    published: (statement) => {
      statements.inc({ status: statement.status });
    },
    failed: (error) => {
      failures.inc({ code: isDomainError(error) ? error.code : 'UNKNOWN' });
    },
  };
}
