import type { Metrics } from '@metrochain/service-kit';
import type { VerificationSink } from './verification.engine';

export const CHECKS_METRIC = 'metrochain_verification_checks_total';

/**
 * The verification log as the engine sees it, counting each appended check on /metrics by source (api, pipeline),
 * outcome and, for an invalid one, its reason code.
 */
export function countingSink(log: VerificationSink, metrics: Metrics): VerificationSink {
  const checks = metrics.counter({
    name: CHECKS_METRIC,
    help: 'Signature checks logged, by source, outcome and reason code (none for valid)',
    labelNames: ['source', 'outcome', 'reason'],
  });
  return {
    append: async (draft) => {
      const record = await log.append(draft);
      const reason = record.outcome === 'invalid' ? record.reason : 'none';
      checks.inc({ source: record.source, outcome: record.outcome, reason });
      return record;
    },
  };
}
