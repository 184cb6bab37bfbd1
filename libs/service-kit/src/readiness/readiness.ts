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

/** A feature that works but holds back (e.g. the recorder while the running LR software is not approved). */
export const degradationSchema = z.object({ name: z.string(), detail: z.string() });
export type Degradation = z.infer<typeof degradationSchema>;

export const readinessReportSchema = z.object({
  /** `degraded`: every dependency is up, but a feature reports that it holds back work (see `degraded`). */
  status: z.enum(['ready', 'degraded', 'not_ready']),
  checks: readinessChecksSchema,
  /** The checks that are down, so that an operator reads the culprit without scanning `checks`. */
  failing: z.array(z.enum(READINESS_CHECKS)),
  /** Present when a feature holds back work. */
  degraded: z.array(degradationSchema).optional(),
});
export type ReadinessReport = z.infer<typeof readinessReportSchema>;

/**
 * Ready only when every dependency is up; degraded when they are but a feature holds back work (the service still
 * takes traffic); not ready otherwise.
 */
export function aggregateReadiness(
  checks: Readonly<ReadinessChecks>,
  degraded: readonly Degradation[] = [],
): ReadinessReport {
  const failing = READINESS_CHECKS.filter((name) => checks[name].status !== 'up');
  const status = failing.length > 0 ? 'not_ready' : degraded.length > 0 ? 'degraded' : 'ready';
  return {
    status,
    checks: { kafka: checks.kafka, redis: checks.redis, ledger: checks.ledger },
    failing,
    ...(degraded.length === 0 ? {} : { degraded: [...degraded] }),
  };
}
