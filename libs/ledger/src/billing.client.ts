import type { Contract } from '@hyperledger/fabric-gateway';
import {
  type Account,
  type AccountRequest,
  BILLING_CONTRACT,
  BillingTransactions,
  type ComputeStatementRequest,
  FUNCTIONAL_KEY_TRANSIENT,
  type KeyIssuanceRequest,
  type KeyRecord,
  type ListCiphertextsRequest,
  type SlotCiphertext,
  type Statement,
  type Tariff,
  type TariffApprovalRequest,
  accountIdSchema,
  accountRequestSchema,
  accountSchema,
  computeStatementRequestSchema,
  functionalKeySchema,
  keyIssuanceRequestSchema,
  keyRecordSchema,
  listCiphertextsRequestSchema,
  slotCiphertextSchema,
  statementKeySchema,
  statementSchema,
  tariffApprovalRequestSchema,
  tariffIdSchema,
  tariffSchema,
  tariffVersionSchema,
} from '@metrochain/contracts';
import type { z } from 'zod';
import type { LedgerConnection } from './connect-ledger';
import { decodeJson, validateRequest } from './decode-result';
import {
  type CommittedTransaction,
  type ProposalExtras,
  type TransactionArgument,
  evaluateTransaction,
  submitTransaction,
} from './ledger-transaction';

export type BillingContract = Pick<Contract, 'evaluateTransaction' | 'submitAsync'>;

export type BillingClientOptions = Readonly<{
  /**
   * The organisations (MSP ids) that endorse computeStatement. The functional key travels as transient data, and
   * the gateway keeps transient data to its own organisation unless told which ones to ask (docs/billing.md).
   */
  endorsingOrganizations?: readonly string[];
}>;

/** Typed client of the billing contract; every failure is a LedgerError with the chaincode's or a transport code. */
export class BillingClient {
  readonly #contract: BillingContract;
  readonly #endorsingOrganizations: readonly string[] | undefined;

  constructor(contract: BillingContract, options: BillingClientOptions = {}) {
    this.#contract = contract;
    this.#endorsingOrganizations = options.endorsingOrganizations;
  }

  static forConnection(
    connection: Pick<LedgerConnection, 'contract'>,
    options: BillingClientOptions = {},
  ): BillingClient {
    return new BillingClient(connection.contract(BILLING_CONTRACT), options);
  }

  /** Approves a catalogue version (immutable; ALREADY_EXISTS when taken, TARIFF_INVALID for unsafe bands). */
  async approveTariff(request: TariffApprovalRequest): Promise<Tariff & CommittedTransaction> {
    const valid = validateRequest(tariffApprovalRequestSchema, request);
    return this.#submit(BillingTransactions.approveTariff, [JSON.stringify(valid)], tariffSchema);
  }

  /** One catalogue version; NOT_FOUND when absent. */
  async getTariff(tariffId: string, version: number): Promise<Tariff> {
    const id = validateRequest(tariffIdSchema, tariffId);
    const number = validateRequest(tariffVersionSchema, version);
    return this.#evaluate(BillingTransactions.getTariff, [id, String(number)], tariffSchema);
  }

  async listTariffs(): Promise<Tariff[]> {
    return this.#evaluate(BillingTransactions.listTariffs, [], tariffSchema.array());
  }

  /** Opens an account for a registered meter (METER_UNKNOWN otherwise; ALREADY_EXISTS when the id is taken). */
  async openAccount(request: AccountRequest): Promise<Account & CommittedTransaction> {
    const valid = validateRequest(accountRequestSchema, request);
    return this.#submit(BillingTransactions.openAccount, [JSON.stringify(valid)], accountSchema);
  }

  /** ACCOUNT_UNKNOWN when the account is not open. */
  async getAccount(accountId: string): Promise<Account> {
    const valid = validateRequest(accountIdSchema, accountId);
    return this.#evaluate(BillingTransactions.getAccount, [valid], accountSchema);
  }

  /** Records a key's issuance under the key policy; the key itself never leaves the caller. */
  async issueKey(request: KeyIssuanceRequest): Promise<KeyRecord & CommittedTransaction> {
    const valid = validateRequest(keyIssuanceRequestSchema, request);
    return this.#submit(BillingTransactions.issueKey, [JSON.stringify(valid)], keyRecordSchema);
  }

  async listKeys(accountId: string): Promise<KeyRecord[]> {
    const valid = validateRequest(accountIdSchema, accountId);
    return this.#evaluate(BillingTransactions.listKeys, [valid], keyRecordSchema.array());
  }

  /**
   * Computes (or returns the final) statement of an ended period. `functionalKey` (base64 of 64 bytes) goes in the
   * transient map only, to the organisations named in the client's options.
   */
  async computeStatement(
    request: ComputeStatementRequest,
    functionalKey: string,
  ): Promise<Statement & CommittedTransaction> {
    const valid = validateRequest(computeStatementRequestSchema, request);
    const key = validateRequest(functionalKeySchema, functionalKey);
    return this.#submit(BillingTransactions.computeStatement, [JSON.stringify(valid)], statementSchema, {
      transientData: { [FUNCTIONAL_KEY_TRANSIENT]: key },
      ...(this.#endorsingOrganizations === undefined
        ? {}
        : { endorsingOrganizations: this.#endorsingOrganizations }),
    });
  }

  /** NOT_FOUND when the period has no statement yet. */
  async getStatement(accountId: string, period: string): Promise<Statement> {
    const valid = validateRequest(statementKeySchema, { accountId, period });
    return this.#evaluate(BillingTransactions.getStatement, [valid.accountId, valid.period], statementSchema);
  }

  async listStatements(accountId: string): Promise<Statement[]> {
    const valid = validateRequest(accountIdSchema, accountId);
    return this.#evaluate(BillingTransactions.listStatements, [valid], statementSchema.array());
  }

  /** The meter's recorded ciphertexts of the month, in (day, slot) order. */
  async listCiphertexts(request: ListCiphertextsRequest): Promise<SlotCiphertext[]> {
    const valid = validateRequest(listCiphertextsRequestSchema, request);
    return this.#evaluate(
      BillingTransactions.listCiphertexts,
      [JSON.stringify(valid)],
      slotCiphertextSchema.array(),
    );
  }

  async #submit<Schema extends z.ZodTypeAny>(
    name: string,
    args: readonly TransactionArgument[],
    schema: Schema,
    extras: ProposalExtras = {},
  ): Promise<z.output<Schema> & CommittedTransaction> {
    const submitted = await submitTransaction(this.#contract, name, args, extras);
    const value: z.output<Schema> = decodeJson(
      submitted.result,
      schema,
      `${BILLING_CONTRACT}.${name} result`,
    );
    return { ...value, transactionId: submitted.transactionId, blockNumber: submitted.blockNumber };
  }

  async #evaluate<Schema extends z.ZodTypeAny>(
    name: string,
    args: readonly string[],
    schema: Schema,
  ): Promise<z.output<Schema>> {
    const result = await evaluateTransaction(this.#contract, name, args);
    return decodeJson(result, schema, `${BILLING_CONTRACT}.${name} result`);
  }
}
