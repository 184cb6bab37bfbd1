import { hostname } from 'node:os';
import { type Environment, loadConfig } from '@metrochain/config';
import { MAX_ATTEST_BATCH } from '@metrochain/contracts';
import { type PlatformConfig, platformEnvSchema, toPlatformConfig } from '@metrochain/service-kit';
import { z } from 'zod';

export const REGISTRATION_DEFAULT_PORT = 3001;

/** The lifecycle publisher's settings (docs/pki.md, "Lifecycle events"). */
export interface LifecyclePublisherSettings {
  /** Whether this instance competes for the publishing lease at all. */
  enabled: boolean;
  /** Names this instance in the lease and the status endpoint; defaults to `<org>-<host>-<port>`. */
  instanceId: string;
  /** The lease lapses this long after its last renewal; a standby takes over at most about this long after a crash. */
  leaseTtlMs: number;
}

/** How concurrent challenge answers are attested together (docs/pki.md, "Registering many meters"). */
export interface AttestationBatchSettings {
  /** A batch goes out as soon as it holds this many attestations (at most MAX_ATTEST_BATCH). */
  maxBatchSize: number;
  /** …or this long after the first attestation waiting for it was queued: what a lone answer pays extra. */
  lingerMs: number;
  /** Batches submitted and not yet committed; further answers wait in the queue and fill the next batches. */
  maxInFlight: number;
}

export type RegistrationConfig = PlatformConfig & {
  lifecycle: LifecyclePublisherSettings;
  attestBatch: AttestationBatchSettings;
};

const registrationEnvSchema = platformEnvSchema({ defaultPort: REGISTRATION_DEFAULT_PORT }).extend({
  REGISTRATION_LIFECYCLE_PUBLISHER: z.enum(['on', 'off']).default('on'),
  REGISTRATION_INSTANCE_ID: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'expected 1-64 letters, digits, _ . or -')
    .optional(),
  REGISTRATION_LEASE_TTL_MS: z.coerce.number().int().min(1_000).max(120_000).default(10_000),
  REGISTRATION_ATTEST_BATCH_SIZE: z.coerce.number().int().min(1).max(MAX_ATTEST_BATCH).default(200),
  REGISTRATION_ATTEST_LINGER_MS: z.coerce.number().int().min(0).max(1_000).default(20),
  REGISTRATION_ATTEST_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(64).default(4),
});

export const registrationConfigSchema = registrationEnvSchema.transform((env): RegistrationConfig => ({
  ...toPlatformConfig(env),
  lifecycle: {
    enabled: env.REGISTRATION_LIFECYCLE_PUBLISHER === 'on',
    instanceId: env.REGISTRATION_INSTANCE_ID ?? defaultInstanceId(env.METROCHAIN_ORG, env.PORT),
    leaseTtlMs: env.REGISTRATION_LEASE_TTL_MS,
  },
  attestBatch: {
    maxBatchSize: env.REGISTRATION_ATTEST_BATCH_SIZE,
    lingerMs: env.REGISTRATION_ATTEST_LINGER_MS,
    maxInFlight: env.REGISTRATION_ATTEST_MAX_IN_FLIGHT,
  },
}));

export function defaultInstanceId(org: string, port: number, host: string = hostname()): string {
  return `${org}-${host}-${String(port)}`.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 64);
}

/** Validates the environment once at start-up; throws CONFIG_INVALID naming every bad variable. */
export function loadRegistrationConfig(env: Environment = process.env): RegistrationConfig {
  return loadConfig(registrationConfigSchema, env);
}
