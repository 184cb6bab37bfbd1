import { type Environment, loadConfig } from '@metrochain/config';
import {
  type PlatformConfig,
  type PlatformConfigSchema,
  platformConfigSchema,
} from '@metrochain/service-kit';

export const BILLING_DEFAULT_PORT = 3004;

export const billingConfigSchema: PlatformConfigSchema = platformConfigSchema({
  defaultPort: BILLING_DEFAULT_PORT,
});

/** The platform settings; the service's own are added here as its features need them. */
export type BillingConfig = PlatformConfig;

/** Validates the environment once at start-up; throws CONFIG_INVALID naming every bad variable. */
export function loadBillingConfig(env: Environment = process.env): BillingConfig {
  return loadConfig(billingConfigSchema, env);
}
