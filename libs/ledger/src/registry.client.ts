import type { Contract } from '@hyperledger/fabric-gateway';
import {
  type AttestBatchRequest,
  type AttestBatchResult,
  type AttestRequest,
  type CheckSignatureRequest,
  type MeterRecord,
  REGISTRY_CONTRACT,
  type RegistryConfig,
  type RegistryConfigRecord,
  RegistryTransactions,
  type RevokeRequest,
  type RotateKeyRequest,
  type SignatureCheck,
  type VerificationBatch,
  type VerificationBatchRequest,
  attestBatchRequestSchema,
  attestBatchResultSchema,
  attestRequestSchema,
  checkSignatureRequestSchema,
  meterRecordSchema,
  registryConfigRecordSchema,
  registryConfigSchema,
  revokeRequestSchema,
  rotateKeyRequestSchema,
  signatureCheckSchema,
  verificationBatchRequestSchema,
  verificationBatchSchema,
} from '@metrochain/contracts';
import type { z } from 'zod';
import type { LedgerConnection } from './connect-ledger';
import { decodeJson, validateRequest } from './decode-result';
import { type CommittedTransaction, evaluateTransaction, submitTransaction } from './ledger-transaction';
import { submitWithRetry } from './submit-with-retry';

export type RegistryContract = Pick<Contract, 'evaluateTransaction' | 'submitAsync'>;

type RegistryTransactionName = (typeof RegistryTransactions)[keyof typeof RegistryTransactions];
type Committed<T> = T & CommittedTransaction;

const meterIdSchema = attestRequestSchema.shape.meterId;
const batchIdSchema = verificationBatchRequestSchema.shape.batchId;

/**
 * Typed client of the meter registry contract (docs/pki.md); every failure is a LedgerError with the chaincode's
 * code (e.g. ALREADY_ATTESTED, SIGNATURE_INVALID) or a transport code.
 */
export class RegistryClient {
  readonly #contract: RegistryContract;

  constructor(contract: RegistryContract) {
    this.#contract = contract;
  }

  static forConnection(connection: Pick<LedgerConnection, 'contract'>): RegistryClient {
    return new RegistryClient(connection.contract(REGISTRY_CONTRACT));
  }

  /** Records the caller's NMI's attestation of a meter key; the meter is active once enough NMIs attested. */
  async attest(request: AttestRequest): Promise<Committed<MeterRecord>> {
    const valid = validateRequest(attestRequestSchema, request);
    return this.#submit(RegistryTransactions.attest, valid, meterRecordSchema);
  }

  /**
   * Many attestations by the caller's NMI in one transaction; each is checked and reported on its own (a refused
   * one writes nothing), so one transaction registers hundreds of meters.
   */
  async attestBatch(request: AttestBatchRequest): Promise<Committed<AttestBatchResult>> {
    const valid = validateRequest(attestBatchRequestSchema, request);
    return this.#submit(RegistryTransactions.attestBatch, valid, attestBatchResultSchema);
  }

  /** Revokes a meter from `effectiveAt` (default: the transaction time) on. */
  async revoke(request: RevokeRequest): Promise<Committed<MeterRecord>> {
    const valid = validateRequest(revokeRequestSchema, request);
    return this.#submit(RegistryTransactions.revoke, valid, meterRecordSchema);
  }

  /** Replaces an active meter's key; the rotation statement carries the old and the new key's signatures. */
  async rotateKey(request: RotateKeyRequest): Promise<Committed<MeterRecord>> {
    const valid = validateRequest(rotateKeyRequestSchema, request);
    return this.#submit(RegistryTransactions.rotateKey, valid, meterRecordSchema);
  }

  /** The meter's record; fails with METER_UNKNOWN when nothing was attested for it. */
  async getMeter(meterId: string): Promise<MeterRecord> {
    const valid = validateRequest(meterIdSchema, meterId);
    return this.#evaluate(RegistryTransactions.getMeter, [valid], meterRecordSchema);
  }

  /** The ledger's verdict on a meter's signature; an unregistered meter yields status `unknown`, not an error. */
  async checkSignature(request: CheckSignatureRequest): Promise<SignatureCheck> {
    const valid = validateRequest(checkSignatureRequestSchema, request);
    return this.#evaluate(RegistryTransactions.checkSignature, [JSON.stringify(valid)], signatureCheckSchema);
  }

  /** Anchors a verification-log batch's Merkle root; anchoring the same batch again returns the stored anchor. */
  async anchorVerificationBatch(request: VerificationBatchRequest): Promise<Committed<VerificationBatch>> {
    const valid = validateRequest(verificationBatchRequestSchema, request);
    return this.#submit(RegistryTransactions.anchorVerificationBatch, valid, verificationBatchSchema);
  }

  /** One anchored batch; fails with NOT_FOUND when the id was never anchored. */
  async getVerificationBatch(batchId: string): Promise<VerificationBatch> {
    const valid = validateRequest(batchIdSchema, batchId);
    return this.#evaluate(RegistryTransactions.getVerificationBatch, [valid], verificationBatchSchema);
  }

  /** The registry config in force (the defaults while governance has set none). */
  async getRegistryConfig(): Promise<RegistryConfigRecord> {
    return this.#evaluate(RegistryTransactions.getRegistryConfig, [], registryConfigRecordSchema);
  }

  /** Replaces the registry config; needs a governance identity. */
  async setRegistryConfig(config: RegistryConfig): Promise<Committed<RegistryConfigRecord>> {
    const valid = validateRequest(registryConfigSchema, config);
    return this.#submit(RegistryTransactions.setRegistryConfig, valid, registryConfigRecordSchema);
  }

  async #submit<T extends object>(
    name: RegistryTransactionName,
    request: unknown,
    schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  ): Promise<Committed<T>> {
    const args = [JSON.stringify(request)];
    // Nothing was written when a submit fails on stale state, so trying again cannot apply a change twice.
    const submitted = await submitWithRetry(() => submitTransaction(this.#contract, name, args));
    const result = decodeJson(submitted.result, schema, `${REGISTRY_CONTRACT}.${name} result`);
    return { ...result, transactionId: submitted.transactionId, blockNumber: submitted.blockNumber };
  }

  async #evaluate<Schema extends z.ZodTypeAny>(
    name: RegistryTransactionName,
    args: readonly string[],
    schema: Schema,
  ): Promise<z.output<Schema>> {
    const result = await evaluateTransaction(this.#contract, name, args);
    return decodeJson(result, schema, `${REGISTRY_CONTRACT}.${name} result`);
  }
}

// Checked here as well as in the chaincode so that a bad request fails without a round trip, with the same code.
