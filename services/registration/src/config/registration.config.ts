import { hostname } from 'node:os';
import { type Environment, loadConfig } from '@metrochain/config';
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

export type RegistrationConfig = PlatformConfig & { lifecycle: LifecyclePublisherSettings };

const registrationEnvSchema = platformEnvSchema({ defaultPort: REGISTRATION_DEFAULT_PORT }).extend({
  REGISTRATION_LIFECYCLE_PUBLISHER: z.enum(['on', 'off']).default('on'),
  REGISTRATION_INSTANCE_ID: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'expected 1-64 letters, digits, _ . or -')
    .optional(),
  REGISTRATION_LEASE_TTL_MS: z.coerce.number().int().min(1_000).max(120_000).default(10_000),
});

export const registrationConfigSchema = registrationEnvSchema.transform((env): RegistrationConfig => ({
  ...toPlatformConfig(env),
  lifecycle: {
    enabled: env.REGISTRATION_LIFECYCLE_PUBLISHER === 'on',
    instanceId: env.REGISTRATION_INSTANCE_ID ?? defaultInstanceId(env.METROCHAIN_ORG, env.PORT),
    leaseTtlMs: env.REGISTRATION_LEASE_TTL_MS,
  },
}));

export function defaultInstanceId(org: string, port: number, host: string = hostname()): string {
  return `${org}-${host}-${String(port)}`.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 64);
}

/** Validates the environment once at start-up; throws CONFIG_INVALID naming every bad variable. */
export function loadRegistrationConfig(env: Environment = process.env): RegistrationConfig {
  return loadConfig(registrationConfigSchema, env);
}
