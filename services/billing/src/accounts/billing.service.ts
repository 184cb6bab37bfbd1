import { createHash, randomUUID } from 'node:crypto';
import {
  type Account,
  type KeyRecord,
  type Principal,
  type SlotCiphertext,
  type Statement,
  type Tariff,
  accountInputSchema,
  ciphertextsQuerySchema,
  closePeriodInputSchema,
  keyInputSchema,
  tariffInputSchema,
} from '@metrochain/contracts';
import { parseFunctionalKey } from '@metrochain/fe';
import type { CommittedTransaction } from '@metrochain/ledger';
import { parseRequest } from '@metrochain/service-kit';
import type { KeyVault } from '../keys/key-vault';
import type { StatementCloser } from '../statements/statement-closer';
import { type AccountParty, assertAccountParty } from './account-access';
import type { BillingLedger } from './billing-ledger';

/** The ledger record as the API answers it: without the transaction that wrote it (the records carry `txId`). */
function recordOf<T extends object>(committed: T & CommittedTransaction): T {
  const record: Partial<T & CommittedTransaction> = { ...committed };
  delete record.blockNumber;
  delete record.transactionId;
  return record as T;
}

export interface BillingServiceOptions {
  ledger: BillingLedger;
  vault: KeyVault;
  closer: Pick<StatementCloser, 'close'>;
}

/** The billing API's use cases; the ledger enforces the catalogue, the key policy and the bill itself. */
export class BillingService {
  readonly #ledger: BillingLedger;
  readonly #vault: KeyVault;
  readonly #closer: Pick<StatementCloser, 'close'>;

  constructor(options: Readonly<BillingServiceOptions>) {
    this.#ledger = options.ledger;
    this.#vault = options.vault;
    this.#closer = options.closer;
  }

  async approveTariff(body: unknown, operator: Readonly<Principal>): Promise<Tariff> {
    const input = parseRequest(tariffInputSchema, body);
    return recordOf(await this.#ledger.approveTariff({ ...input, approvedBy: operator.name }));
  }

  getTariff(tariffId: string, version: number): Promise<Tariff> {
    return this.#ledger.getTariff(tariffId, version);
  }

  listTariffs(): Promise<Tariff[]> {
    return this.#ledger.listTariffs();
  }

  async openAccount(body: unknown, utility: Readonly<Principal>): Promise<Account> {
    const input = parseRequest(accountInputSchema, body);
    return recordOf(await this.#ledger.openAccount({ ...input, utility: utility.name }));
  }

  /** The account, for its utility or its customer. */
  async account(
    accountId: string,
    caller: Readonly<Principal>,
    parties: readonly AccountParty[] = ['utility', 'customer'],
  ): Promise<Account> {
    const account = await this.#ledger.getAccount(accountId);
    assertAccountParty(account, caller, parties);
    return account;
  }

  /**
   * The account's customer issues a functional key: the ledger records its hash under the key policy, then the
   * service keeps the key to compute the bills its validity covers.
   */
  async issueKey(accountId: string, body: unknown, customer: Readonly<Principal>): Promise<KeyRecord> {
    const input = parseRequest(keyInputSchema, body);
    // The ledger sees only the key's hash: a key that is no key (a scalar ≥ q) would be recorded, take one of the
    // meter's keys of the window, and fail every statement it is meant for. FE_KEY_INVALID (422) instead.
    parseFunctionalKey(input.functionalKey);
    await this.account(accountId, customer, ['customer']);
    const { functionalKey, keyId = `key-${randomUUID()}`, ...validity } = input;
    const keyHash = createHash('sha256').update(Buffer.from(functionalKey, 'base64')).digest('hex');
    // Kept before the ledger records it: a crash in between leaves an unused key here, never a record whose key
    // is lost. A refusal removes it again.
    await this.#vault.put(accountId, keyId, functionalKey);
    try {
      return recordOf(await this.#ledger.issueKey({ keyId, accountId, keyHash, ...validity }));
    } catch (error) {
      await this.#vault.delete(accountId, keyId);
      throw error;
    }
  }

  async keys(accountId: string, caller: Readonly<Principal>): Promise<KeyRecord[]> {
    await this.account(accountId, caller);
    return this.#ledger.listKeys(accountId);
  }

  async statements(accountId: string, caller: Readonly<Principal>): Promise<Statement[]> {
    await this.account(accountId, caller);
    return this.#ledger.listStatements(accountId);
  }

  /** The utility closes one ended month now, whatever the grace window; the statement is also published. */
  async closePeriod(accountId: string, body: unknown, utility: Readonly<Principal>): Promise<Statement> {
    const { period } = parseRequest(closePeriodInputSchema, body);
    const account = await this.account(accountId, utility, ['utility']);
    return this.#closer.close(account, period);
  }

  /** The recorded ciphertexts of the account's meter for one month, for its customer to decrypt. */
  async ciphertexts(
    accountId: string,
    query: unknown,
    customer: Readonly<Principal>,
  ): Promise<SlotCiphertext[]> {
    const { period } = parseRequest(ciphertextsQuerySchema, query);
    const account = await this.account(accountId, customer, ['customer']);
    return this.#ledger.listCiphertexts({ meterId: account.meterId, period });
  }
}
