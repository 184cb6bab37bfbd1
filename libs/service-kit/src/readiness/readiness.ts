/** The dependencies a service needs before it takes traffic, in the order they are reported. */
export const READINESS_CHECKS = ['kafka', 'redis', 'ledger'] as const;
export type ReadinessCheckName = (typeof READINESS_CHECKS)[number];

export interface DependencyHealth {
  status: 'up' | 'down';
  detail?: string;
}

export type ReadinessChecks = Record<ReadinessCheckName, DependencyHealth>;

export interface ReadinessReport {
  status: 'ready' | 'not_ready';
  checks: ReadinessChecks;
  /** The checks that are down, so that an operator reads the culprit without scanning `checks`. */
  failing: ReadinessCheckName[];
}

/** Ready only when every dependency is up. */
export function aggregateReadiness(checks: Readonly<ReadinessChecks>): ReadinessReport {
  const failing = READINESS_CHECKS.filter((name) => checks[name].status !== 'up');
  return {
    status: failing.length === 0 ? 'ready' : 'not_ready',
    checks: { kafka: checks.kafka, redis: checks.redis, ledger: checks.ledger },
    failing,
  };
}
