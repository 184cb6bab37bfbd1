import { hostname } from 'node:os';
import { type Environment, loadConfig } from '@metrochain/config';
import { type PlatformConfig, platformEnvSchema, toPlatformConfig } from '@metrochain/service-kit';
import { z } from 'zod';
import { DEFAULT_LOG_RETENTION_SECONDS } from '../log/redis-log-store';
import { loadStreamConfig } from '../stream/stream.config';

export const VERIFICATION_DEFAULT_PORT = 3002;

/** The service's own settings besides the platform's. */
export interface VerificationSettings {
  /**
   * Names this instance's log batches and its Kafka groups; stable across restarts so a restarted instance finishes
   * the batches it left open. Defaults to `<org>-<host>-<port>`.
   */
  instanceId: string;
  /** A log batch closes when it holds this many records … */
  batchMaxSize: number;
  /** … or this long after its first record, whichever comes first. */
  batchMaxAgeMs: number;
  /** How long a meter's registry record is trusted from the caches without a lifecycle event. */
  keyCacheTtlSeconds: number;
  /** Readings measured further in the future than this (clock skew) are refused. */
  futureSkewMs: number;
  /** How long an anchored log batch and its anchor stay in Redis; 30 days. */
  logRetentionSeconds: number;
}

export type VerificationConfig = PlatformConfig & VerificationSettings;

const positiveInt = z.coerce.number().int().positive();

const verificationEnvSchema = platformEnvSchema({ defaultPort: VERIFICATION_DEFAULT_PORT }).extend({
  VERIFICATION_INSTANCE_ID: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'expected 1-64 letters, digits, _ or -')
    .optional(),
  VERIFICATION_BATCH_MAX_SIZE: positiveInt.max(65_536).default(1024),
  VERIFICATION_BATCH_MAX_AGE_MS: positiveInt.max(60_000).default(1000),
  VERIFICATION_KEY_CACHE_TTL_S: positiveInt.max(86_400).default(300),
  VERIFICATION_FUTURE_SKEW_MS: z.coerce.number().int().nonnegative().max(3_600_000).default(300_000),
  /** How long an anchored log batch stays in Redis (RedisLogStore). */
  VERIFICATION_LOG_RETENTION_S: positiveInt.max(10 * 365 * 86_400).default(DEFAULT_LOG_RETENTION_SECONDS),
});

export const verificationConfigSchema = verificationEnvSchema.transform((env): VerificationConfig => ({
  ...toPlatformConfig(env),
  instanceId: env.VERIFICATION_INSTANCE_ID ?? defaultInstanceId(env.METROCHAIN_ORG, env.PORT),
  batchMaxSize: env.VERIFICATION_BATCH_MAX_SIZE,
  batchMaxAgeMs: env.VERIFICATION_BATCH_MAX_AGE_MS,
  keyCacheTtlSeconds: env.VERIFICATION_KEY_CACHE_TTL_S,
  futureSkewMs: env.VERIFICATION_FUTURE_SKEW_MS,
  logRetentionSeconds: env.VERIFICATION_LOG_RETENTION_S,
}));

/** Host names may hold dots, which verification ids use as separator; anything but [A-Za-z0-9_-] becomes `_`. */
export function defaultInstanceId(org: string, port: number, host: string = hostname()): string {
  return `${org}-${host}-${String(port)}`.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);
}

/** Validates the environment once at start-up; throws CONFIG_INVALID naming every bad variable. */
export function loadVerificationConfig(env: Environment = process.env): VerificationConfig {
  // The stream's own settings are checked here too, so a bad value stops the start before Nest does anything.
  loadStreamConfig(env);
  return loadConfig(verificationConfigSchema, env);
}
