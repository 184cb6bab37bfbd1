import { type Environment, loadConfig } from '@metrochain/config';
import { type PlatformConfig, platformEnvSchema, toPlatformConfig } from '@metrochain/service-kit';
import { z } from 'zod';

export const BILLING_DEFAULT_PORT = 3004;

/** How the service closes billing periods (docs/billing.md, "The billing service"). */
export interface ClosingSettings {
  /**
   * A month is billed this long after it ended: meters buffer readings through outages and send them late. Three
   * days covers a weekend without connectivity; a reading later still turns a statement `incomplete`, never wrong.
   */
  graceMs: number;
  /** How often the closer looks for months to bill. */
  intervalMs: number;
  /** An incomplete statement, or a failed computation, is tried again at most this often. */
  retryMs: number;
}

export type BillingConfig = PlatformConfig & {
  closing: ClosingSettings;
  /**
   * MSP ids that endorse a bill. The gateway keeps transient data (the functional key) to its own organisation
   * unless told otherwise, so the service names them; empty means every organisation in the network profile.
   */
  endorsingMspIds: string[];
};

const DAY_MS = 24 * 3600 * 1000;
const positiveInt = z.coerce.number().int().positive();

const billingEnvSchema = platformEnvSchema({ defaultPort: BILLING_DEFAULT_PORT }).extend({
  BILLING_GRACE_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(90 * DAY_MS)
    .default(3 * DAY_MS),
  BILLING_CLOSE_INTERVAL_MS: positiveInt.min(100).max(DAY_MS).default(60_000),
  BILLING_RETRY_MS: positiveInt.min(100).max(DAY_MS).default(3_600_000),
  BILLING_ENDORSING_MSPS: z
    .string()
    .regex(
      /^([A-Za-z0-9][A-Za-z0-9.-]{0,63})(,[A-Za-z0-9][A-Za-z0-9.-]{0,63})*$/,
      'expected MSP ids, comma-separated',
    )
    .optional(),
});

export const billingConfigSchema = billingEnvSchema.transform((env): BillingConfig => ({
  ...toPlatformConfig(env),
  closing: {
    graceMs: env.BILLING_GRACE_MS,
    intervalMs: env.BILLING_CLOSE_INTERVAL_MS,
    retryMs: env.BILLING_RETRY_MS,
  },
  endorsingMspIds: env.BILLING_ENDORSING_MSPS?.split(',') ?? [],
}));

/** Validates the environment once at start-up; throws CONFIG_INVALID naming every bad variable. */
export function loadBillingConfig(env: Environment = process.env): BillingConfig {
  return loadConfig(billingConfigSchema, env);
}
