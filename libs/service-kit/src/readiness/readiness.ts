import { z } from 'zod';

/** The dependencies a service needs before it takes traffic, in the order they are reported. */
export const READINESS_CHECKS = ['kafka', 'redis', 'ledger'] as const;
export type ReadinessCheckName = (typeof READINESS_CHECKS)[number];

// Platform-only shapes, so their schemas live here rather than in libs/contracts; the OpenAPI document is generated
// from them (health.dto.ts) and the report below is typed by them, so the two cannot drift.

export const dependencyHealthSchema = z.object({
  status: z.enum(['up', 'down']),
  detail: z.string().optional(),
});
export type DependencyHealth = z.infer<typeof dependencyHealthSchema>;

export const readinessChecksSchema = z.object({
  kafka: dependencyHealthSchema,
  redis: dependencyHealthSchema,
  ledger: dependencyHealthSchema,
});
export type ReadinessChecks = z.infer<typeof readinessChecksSchema>;

export const readinessReportSchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: readinessChecksSchema,
  /** The checks that are down, so that an operator reads the culprit without scanning `checks`. */
  failing: z.array(z.enum(READINESS_CHECKS)),
});
export type ReadinessReport = z.infer<typeof readinessReportSchema>;

/** Ready only when every dependency is up. */
export function aggregateReadiness(checks: Readonly<ReadinessChecks>): ReadinessReport {
  const failing = READINESS_CHECKS.filter((name) => checks[name].status !== 'up');
  return {
    status: failing.length === 0 ? 'ready' : 'not_ready',
    checks: { kafka: checks.kafka, redis: checks.redis, ledger: checks.ledger },
    failing,
  };
}
