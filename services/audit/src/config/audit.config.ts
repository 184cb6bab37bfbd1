import { type Environment, loadConfig } from '@metrochain/config';
import {
  type PlatformConfig,
  type PlatformConfigSchema,
  platformConfigSchema,
} from '@metrochain/service-kit';

export const AUDIT_DEFAULT_PORT = 3005;

export const auditConfigSchema: PlatformConfigSchema = platformConfigSchema({
  defaultPort: AUDIT_DEFAULT_PORT,
});

/** The platform settings; the service's own are added here as its features need them. */
export type AuditConfig = PlatformConfig;

/** Validates the environment once at start-up; throws CONFIG_INVALID naming every bad variable. */
export function loadAuditConfig(env: Environment = process.env): AuditConfig {
  return loadConfig(auditConfigSchema, env);
}
