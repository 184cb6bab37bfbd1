import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Metrics } from '@metrochain/service-kit';
import { CHECKS_METRIC, countingSink } from './verification-metrics';
import type { VerificationDraft } from './verification.engine';

describe('countingSink', () => {
  it('counts each logged check by source, outcome and reason', async () => {
    const metrics = new Metrics({ service: 'verification', defaultMetrics: false });
    const sink = countingSink(
      { append: (draft) => Promise.resolve({ ...draft, verificationId: 'v-1' }) },
      metrics,
    );
    await sink.append({ source: 'pipeline', outcome: 'valid' } as VerificationDraft);
    await sink.append({
      source: 'api',
      outcome: 'invalid',
      reason: 'SIGNATURE_INVALID',
    } as VerificationDraft);
    const text = await metrics.text();
    assert.match(
      text,
      new RegExp(
        `^${CHECKS_METRIC}\\{source="pipeline",outcome="valid",reason="none",service="verification"\\} 1$`,
        'm',
      ),
    );
    assert.match(
      text,
      new RegExp(
        `^${CHECKS_METRIC}\\{source="api",outcome="invalid",reason="SIGNATURE_INVALID",service="verification"\\} 1$`,
        'm',
      ),
    );
  });
});
