import { type Environment, loadConfig } from '@metrochain/config';
import {
  type PlatformConfig,
  type PlatformConfigSchema,
  platformConfigSchema,
} from '@metrochain/service-kit';

export const MEASUREMENT_DEFAULT_PORT = 3003;

export const measurementConfigSchema: PlatformConfigSchema = platformConfigSchema({
  defaultPort: MEASUREMENT_DEFAULT_PORT,
});

/** The platform settings; the service's own are added here as its features need them. */
export type MeasurementConfig = PlatformConfig;

/** Validates the environment once at start-up; throws CONFIG_INVALID naming every bad variable. */
export function loadMeasurementConfig(env: Environment = process.env): MeasurementConfig {
  return loadConfig(measurementConfigSchema, env);
}
