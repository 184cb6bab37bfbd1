import { type Environment, loadConfig } from '@metrochain/config';
import { z } from 'zod';

/** The trace receiver's settings (docs/observability.md). */
export interface TracesConfig {
  /** Lets exporters on other hosts send spans (header x-metrochain-trace-token); none: loopback only. */
  token: string | undefined;
  /** Seconds a trace's spans are kept after its last span arrived. */
  ttlSeconds: number;
  /** Traces kept at most; the oldest are dropped first. */
  maxTraces: number;
  /** Spans kept per trace at most; later ones are refused (counted in the export answer). */
  maxSpansPerTrace: number;
}

const tracesEnvSchema = z
  .object({
    AUDIT_TRACE_TOKEN: z.string().min(24, 'at least 24 characters').optional(),
    AUDIT_TRACE_TTL_S: z.coerce
      .number()
      .int()
      .min(60)
      .max(7 * 86_400)
      .default(7_200),
    AUDIT_TRACE_MAX: z.coerce.number().int().min(10).max(1_000_000).default(10_000),
    AUDIT_TRACE_MAX_SPANS: z.coerce.number().int().min(10).max(100_000).default(1_000),
  })
  .transform((env): TracesConfig => ({
    token: env.AUDIT_TRACE_TOKEN,
    ttlSeconds: env.AUDIT_TRACE_TTL_S,
    maxTraces: env.AUDIT_TRACE_MAX,
    maxSpansPerTrace: env.AUDIT_TRACE_MAX_SPANS,
  }));

/** Read when the traces module is built, i.e. at start-up; CONFIG_INVALID names each bad variable. */
export function loadTracesConfig(env: Environment = process.env): TracesConfig {
  return loadConfig(tracesEnvSchema, env);
}
