import {
  DEFAULT_REGISTRY_CONFIG,
  type RegistryConfig,
  type RegistryConfigRecord,
  type Role,
  registryConfigRecordSchema,
  registryConfigSchema,
} from '@metrochain/contracts';
import type { Context } from 'fabric-contract-api';
import { ChaincodeError } from '../common/chaincode-error';
import { getParsedState, putCanonicalState } from '../common/state';
import { transactionTimeIso } from '../common/transaction-time';
import { parseJsonArgument } from '../common/validate-argument';

/** The registry's rules (k, approved models) are a consortium decision, so only governance identities change them. */
export const REGISTRY_CONFIG_ROLE: Role = 'governance';

const CONFIG_OBJECT_TYPE = 'registry-config';

export function parseRegistryConfig(configJson: string): RegistryConfig {
  return parseJsonArgument(registryConfigSchema, configJson, 'registry config');
}

/** The stored config, or the defaults (k = 2, any model) while governance has not set one. */
export async function readRegistryConfig(ctx: Context): Promise<RegistryConfigRecord> {
  const stored = await getParsedState(ctx, configKey(ctx), registryConfigRecordSchema);
  return stored ?? DEFAULT_REGISTRY_CONFIG;
}

/** Replaces the config; returns it as canonical JSON. Applies from the next registry transaction on. */
export async function writeRegistryConfig(ctx: Context, config: RegistryConfig, by: string): Promise<string> {
  const record: RegistryConfigRecord = {
    requiredAttestations: config.requiredAttestations,
    approvedModels: [...new Set(config.approvedModels)].sort(),
    updated: { by, at: transactionTimeIso(ctx), txId: ctx.stub.getTxID() },
  };
  return putCanonicalState(ctx, configKey(ctx), registryConfigRecordSchema.parse(record));
}

/** Fails with MODEL_NOT_APPROVED when the config restricts models and `model` is not among them. */
export function requireApprovedModel(config: RegistryConfig, model: string): void {
  if (config.approvedModels.length > 0 && !config.approvedModels.includes(model)) {
    throw new ChaincodeError('MODEL_NOT_APPROVED', `meter model '${model}' is not approved`, { model });
  }
}

export function configKey(ctx: Context): string {
  return ctx.stub.createCompositeKey(CONFIG_OBJECT_TYPE, []);
}
