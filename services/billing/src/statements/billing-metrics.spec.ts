import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BillingStatementsV1 } from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import { Metrics } from '@metrochain/service-kit';
import { STATEMENTS_METRIC, STATEMENT_FAILURES_METRIC, billingMetrics } from './billing-metrics';

describe('billingMetrics', () => {
  it('counts published revisions by status and failures by code', async () => {
    const metrics = new Metrics({ service: 'billing', defaultMetrics: false });
    const counted = billingMetrics(metrics);
    counted.published({ status: 'complete' } as BillingStatementsV1);
    counted.published({ status: 'incomplete' } as BillingStatementsV1);
    counted.published({ status: 'complete' } as BillingStatementsV1);
    counted.failed(new DomainError({ code: 'FE_NO_RESULT', message: 'x' }));
    counted.failed(new Error('boom'));
    const text = await metrics.text();
    assert.match(text, new RegExp(`^${STATEMENTS_METRIC}\\{status="complete",service="billing"\\} 2$`, 'm'));
    assert.match(
      text,
      new RegExp(`^${STATEMENTS_METRIC}\\{status="incomplete",service="billing"\\} 1$`, 'm'),
    );
    assert.match(
      text,
      new RegExp(`^${STATEMENT_FAILURES_METRIC}\\{code="FE_NO_RESULT",service="billing"\\} 1$`, 'm'),
    );
    assert.match(
      text,
      new RegExp(`^${STATEMENT_FAILURES_METRIC}\\{code="UNKNOWN",service="billing"\\} 1$`, 'm'),
    );
  });
});
