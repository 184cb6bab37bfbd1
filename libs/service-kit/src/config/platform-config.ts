import { defaultNetworkFile } from '@metrochain/config';
import { DEFAULT_LOG_LEVEL, LOG_LEVELS, type LogLevel } from '@metrochain/observability';
import { z } from 'zod';

/** The organisation a service acts for unless METROCHAIN_ORG says otherwise. */
export const DEFAULT_ORG = 'PTB';
/** Loopback unless HOST says otherwise: the local network keeps every port on 127.0.0.1; a pod listens on 0.0.0.0. */
export const DEFAULT_SERVICE_HOST = '127.0.0.1';

/** What every service reads from its environment; a service extends it with its features' settings. */
export interface PlatformConfig {
  /** Address the HTTP server binds (HOST, an IP literal). */
  host: string;
  /** HTTP port. */
  port: number;
  /** Organisation name as keyed in the network profile, e.g. `PTB`. */
  org: string;
  /** Absolute path of the connection file (`.devnet/network.json` unless METROCHAIN_NETWORK_FILE is set). */
  networkFile: string;
  logLevel: LogLevel;
  /** Writes (POST, PUT, PATCH, DELETE) each principal or anonymous client may make per window. */
  rateLimit: { writes: number; windowMs: number };
}

const portSchema = z.coerce.number().int().min(1).max(65_535);

const sharedEnvSchema = z.object({
  HOST: z.string().trim().ip().default(DEFAULT_SERVICE_HOST),
  METROCHAIN_ORG: z.string().trim().min(1).default(DEFAULT_ORG),
  METROCHAIN_NETWORK_FILE: z.string().trim().min(1).optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default(DEFAULT_LOG_LEVEL),
  RATE_LIMIT_WRITES: z.coerce.number().int().min(1).max(1_000_000).default(100),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(100).max(3_600_000).default(1_000),
});

export type PlatformEnvSchema = z.ZodObject<
  (typeof sharedEnvSchema)['shape'] & { PORT: z.ZodDefault<typeof portSchema> }
>;
export type PlatformEnv = z.output<PlatformEnvSchema>;
export type PlatformConfigSchema = z.ZodEffects<
  PlatformEnvSchema,
  PlatformConfig,
  z.input<PlatformEnvSchema>
>;

/** The flat variables behind PlatformConfig; `.extend()` it for a service's own settings. */
export function platformEnvSchema(options: Readonly<{ defaultPort: number }>): PlatformEnvSchema {
  return sharedEnvSchema.extend({ PORT: portSchema.default(options.defaultPort) });
}

export function toPlatformConfig(env: Readonly<PlatformEnv>): PlatformConfig {
  return {
    host: env.HOST,
    port: env.PORT,
    org: env.METROCHAIN_ORG,
    networkFile: defaultNetworkFile({ METROCHAIN_NETWORK_FILE: env.METROCHAIN_NETWORK_FILE }),
    logLevel: env.LOG_LEVEL,
    rateLimit: { writes: env.RATE_LIMIT_WRITES, windowMs: env.RATE_LIMIT_WINDOW_MS },
  };
}

/** The whole platform schema for a service with this default port; give it to `loadConfig`. */
export function platformConfigSchema(options: Readonly<{ defaultPort: number }>): PlatformConfigSchema {
  return platformEnvSchema(options).transform(toPlatformConfig);
}
