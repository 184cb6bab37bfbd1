import { type Environment, loadConfig } from '@metrochain/config';
import {
  type PlatformConfig,
  type PlatformConfigSchema,
  platformConfigSchema,
} from '@metrochain/service-kit';

export const VERIFICATION_DEFAULT_PORT = 3002;

export const verificationConfigSchema: PlatformConfigSchema = platformConfigSchema({
  defaultPort: VERIFICATION_DEFAULT_PORT,
});

/** The platform settings; the service's own are added here as its features need them. */
export type VerificationConfig = PlatformConfig;

/** Validates the environment once at start-up; throws CONFIG_INVALID naming every bad variable. */
export function loadVerificationConfig(env: Environment = process.env): VerificationConfig {
  return loadConfig(verificationConfigSchema, env);
}
