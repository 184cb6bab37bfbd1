import { type Environment, loadConfig } from '@metrochain/config';
import {
  type PlatformConfig,
  type PlatformConfigSchema,
  platformConfigSchema,
} from '@metrochain/service-kit';

export const REGISTRATION_DEFAULT_PORT = 3001;

export const registrationConfigSchema: PlatformConfigSchema = platformConfigSchema({
  defaultPort: REGISTRATION_DEFAULT_PORT,
});

/** The platform settings; the service's own are added here as its features need them. */
export type RegistrationConfig = PlatformConfig;

/** Validates the environment once at start-up; throws CONFIG_INVALID naming every bad variable. */
export function loadRegistrationConfig(env: Environment = process.env): RegistrationConfig {
  return loadConfig(registrationConfigSchema, env);
}
