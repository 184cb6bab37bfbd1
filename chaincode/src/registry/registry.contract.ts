import { REGISTRY_CONTRACT, type RegistryTransactions } from '@metrochain/contracts';
import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { requireRole } from '../common/access-control';
import { toCanonicalJson } from '../common/state';
import { attestBatch, parseAttestBatchRequest } from './attest-batch';
import { METER_REGISTRAR_ROLE, attestMeter, parseAttestRequest } from './attest-meter';
import { checkMeterSignature, parseCheckSignatureRequest } from './check-signature';
import {
  REGISTRY_CONFIG_ROLE,
  parseRegistryConfig,
  readRegistryConfig,
  writeRegistryConfig,
} from './registry-config';
import { parseMeterId, requireMeter } from './registry-state';
import { parseRevokeRequest, revokeMeter } from './revoke-meter';
import { parseRotateKeyRequest, rotateMeterKey } from './rotate-meter-key';
import {
  BATCH_ANCHOR_ROLE,
  anchorVerificationBatch,
  getVerificationBatch,
  parseBatchId,
  parseVerificationBatchRequest,
} from './verification-batch';

type RegistryTransactionName = (typeof RegistryTransactions)[keyof typeof RegistryTransactions];
/** Makes the compiler fail when the contract library names a transaction this class does not implement. */
type RegistryTransactionMethods = Record<
  RegistryTransactionName,
  (ctx: Context, ...args: string[]) => Promise<string>
>;

// `Context` is imported as a value: fabric-contract-api recognises the context parameter by its emitted design type.
@Info({
  title: REGISTRY_CONTRACT,
  description: 'Meter keys attested by NMIs, signature checks, verification anchors',
})
export class RegistryContract extends Contract implements RegistryTransactionMethods {
  constructor() {
    super(REGISTRY_CONTRACT);
  }

  @Transaction()
  @Returns('string')
  async attest(ctx: Context, requestJson: string): Promise<string> {
    const attester = requireRole(ctx, METER_REGISTRAR_ROLE);
    return attestMeter(ctx, parseAttestRequest(requestJson), attester);
  }

  @Transaction()
  @Returns('string')
  async attestBatch(ctx: Context, requestJson: string): Promise<string> {
    const attester = requireRole(ctx, METER_REGISTRAR_ROLE);
    return attestBatch(ctx, parseAttestBatchRequest(requestJson), attester);
  }

  @Transaction()
  @Returns('string')
  async revoke(ctx: Context, requestJson: string): Promise<string> {
    const revokedBy = requireRole(ctx, METER_REGISTRAR_ROLE);
    return revokeMeter(ctx, parseRevokeRequest(requestJson), revokedBy);
  }

  @Transaction()
  @Returns('string')
  async rotateKey(ctx: Context, requestJson: string): Promise<string> {
    const rotatedBy = requireRole(ctx, METER_REGISTRAR_ROLE);
    return rotateMeterKey(ctx, parseRotateKeyRequest(requestJson), rotatedBy);
  }

  @Transaction(false)
  @Returns('string')
  async getMeter(ctx: Context, meterId: string): Promise<string> {
    return toCanonicalJson(await requireMeter(ctx, parseMeterId(meterId)));
  }

  @Transaction(false)
  @Returns('string')
  async checkSignature(ctx: Context, requestJson: string): Promise<string> {
    return toCanonicalJson(await checkMeterSignature(ctx, parseCheckSignatureRequest(requestJson)));
  }

  @Transaction()
  @Returns('string')
  async anchorVerificationBatch(ctx: Context, requestJson: string): Promise<string> {
    const anchoredBy = requireRole(ctx, BATCH_ANCHOR_ROLE);
    return anchorVerificationBatch(ctx, parseVerificationBatchRequest(requestJson), anchoredBy);
  }

  @Transaction(false)
  @Returns('string')
  async getVerificationBatch(ctx: Context, batchId: string): Promise<string> {
    return toCanonicalJson(await getVerificationBatch(ctx, parseBatchId(batchId)));
  }

  @Transaction(false)
  @Returns('string')
  async getRegistryConfig(ctx: Context): Promise<string> {
    return toCanonicalJson(await readRegistryConfig(ctx));
  }

  @Transaction()
  @Returns('string')
  async setRegistryConfig(ctx: Context, configJson: string): Promise<string> {
    const updatedBy = requireRole(ctx, REGISTRY_CONFIG_ROLE);
    return writeRegistryConfig(ctx, parseRegistryConfig(configJson), updatedBy);
  }
}
