import { createHash } from 'node:crypto';
import type {
  Account,
  AccountRequest,
  ComputeStatementRequest,
  KeyIssuanceRequest,
  KeyRecord,
  SlotCiphertext,
  Statement,
  Tariff,
  TariffApprovalRequest,
} from '@metrochain/contracts';
import { LedgerError } from '@metrochain/ledger';
import type { BillingLedger } from '../accounts/billing-ledger';

const AT = '2026-11-01T00:00:00.000Z';

function refused(
  code: 'NOT_FOUND' | 'ACCOUNT_UNKNOWN' | 'TARIFF_UNKNOWN' | 'FE_NO_RESULT',
  message: string,
): LedgerError {
  return new LedgerError({ code, message });
}

/**
 * The billing contract's bookkeeping in memory, for the service's specs: it records what it is asked and refuses
 * unknown tariffs and accounts as the contract does. The FE arithmetic is the chaincode's and is not imitated: a
 * statement is `complete` with the amount `amounts` holds for its key, or FE_NO_RESULT when there is none.
 */
export class FakeBillingLedger implements BillingLedger {
  readonly tariffs = new Map<string, Tariff>();
  readonly accounts = new Map<string, Account>();
  readonly keys: KeyRecord[] = [];
  readonly statements: Statement[] = [];
  readonly computed: { request: ComputeStatementRequest; functionalKey: string }[] = [];
  /** Inner product (milli-minor) a key opens, by key id. */
  readonly amounts = new Map<string, number>();
  #block = 0n;

  approveTariff(
    request: TariffApprovalRequest,
  ): Promise<Tariff & { blockNumber: bigint; transactionId: string }> {
    const tariff: Tariff = {
      ...request,
      partitionId: 'a'.repeat(64),
      approvedByMsp: 'PTBMSP',
      approvedAt: AT,
      txId: 'tx',
    };
    this.tariffs.set(`${request.tariffId}@${String(request.version)}`, tariff);
    return Promise.resolve({ ...tariff, ...this.#commit() });
  }

  getTariff(tariffId: string, version: number): Promise<Tariff> {
    const tariff = this.tariffs.get(`${tariffId}@${String(version)}`);
    return tariff === undefined ? Promise.reject(refused('NOT_FOUND', tariffId)) : Promise.resolve(tariff);
  }

  listTariffs(): Promise<Tariff[]> {
    return Promise.resolve([...this.tariffs.values()]);
  }

  openAccount(request: AccountRequest): Promise<Account & { blockNumber: bigint; transactionId: string }> {
    const account: Account = { ...request, openedByMsp: 'PTBMSP', openedAt: AT, txId: 'tx' };
    this.accounts.set(request.accountId, account);
    return Promise.resolve({ ...account, ...this.#commit() });
  }

  getAccount(accountId: string): Promise<Account> {
    const account = this.accounts.get(accountId);
    return account === undefined
      ? Promise.reject(refused('ACCOUNT_UNKNOWN', accountId))
      : Promise.resolve(account);
  }

  issueKey(request: KeyIssuanceRequest): Promise<KeyRecord & { blockNumber: bigint; transactionId: string }> {
    const account = this.accounts.get(request.accountId);
    if (!this.tariffs.has(`${request.tariffId}@${String(request.tariffVersion)}`)) {
      return Promise.reject(refused('TARIFF_UNKNOWN', request.tariffId));
    }
    const record: KeyRecord = {
      ...request,
      meterId: account?.meterId ?? 'meter',
      partitionId: 'a'.repeat(64),
      issuedByMsp: 'PTBMSP',
      issuedAt: AT,
      txId: 'tx',
    };
    this.keys.push(record);
    return Promise.resolve({ ...record, ...this.#commit() });
  }

  listKeys(accountId: string): Promise<KeyRecord[]> {
    return Promise.resolve(this.keys.filter((key) => key.accountId === accountId));
  }

  computeStatement(
    request: ComputeStatementRequest,
    functionalKey: string,
  ): Promise<Statement & { blockNumber: bigint; transactionId: string }> {
    this.computed.push({ request, functionalKey });
    const key = this.keys.find((candidate) => candidate.keyId === request.keyId);
    const amount = this.amounts.get(request.keyId);
    const hash = createHash('sha256').update(Buffer.from(functionalKey, 'base64')).digest('hex');
    if (key === undefined || amount === undefined || key.keyHash !== hash) {
      return Promise.reject(refused('FE_NO_RESULT', request.keyId));
    }
    const account = this.accounts.get(request.accountId);
    const existing = this.statements.find(
      (s) => s.accountId === request.accountId && s.period === request.period,
    );
    const statement: Statement = existing ?? {
      accountId: request.accountId,
      utility: account?.utility ?? '',
      customer: account?.customer ?? '',
      meterId: account?.meterId ?? '',
      period: request.period,
      status: 'complete',
      tariffId: key.tariffId,
      tariffVersion: key.tariffVersion,
      currency: 'EUR',
      keyId: key.keyId,
      slotsExpected: 2976,
      slotsReceived: 2976,
      missing: [],
      ciphertextSetSha256: 'b'.repeat(64),
      innerProductMilliMinor: amount,
      amountMinor: Math.round(amount / 1000),
      revision: 1,
      computedByMsp: 'PTBMSP',
      computedAt: AT,
      txId: `tx-${request.period}`,
    };
    if (existing === undefined) {
      this.statements.push(statement);
    }
    return Promise.resolve({ ...statement, ...this.#commit() });
  }

  getStatement(accountId: string, period: string): Promise<Statement> {
    const found = this.statements.find((s) => s.accountId === accountId && s.period === period);
    return found === undefined ? Promise.reject(refused('NOT_FOUND', period)) : Promise.resolve(found);
  }

  listStatements(accountId: string): Promise<Statement[]> {
    return Promise.resolve(this.statements.filter((s) => s.accountId === accountId));
  }

  listCiphertexts(): Promise<SlotCiphertext[]> {
    return Promise.resolve([
      { day: '2026-01-01', slot: 0, seq: 1, ciphertext: Buffer.alloc(32).toString('base64') },
    ]);
  }

  #commit(): { blockNumber: bigint; transactionId: string } {
    this.#block += 1n;
    return { blockNumber: this.#block, transactionId: `tx-${String(this.#block)}` };
  }
}

/** Redis as the key vault and the closer use it: hashes and sets, in memory. */
export class FakeRedisHashes {
  readonly hashes = new Map<string, Map<string, string>>();
  readonly sets = new Map<string, Set<string>>();

  hset(key: string, field: string, value: string): Promise<number> {
    const hash = this.hashes.get(key) ?? new Map<string, string>();
    hash.set(field, value);
    this.hashes.set(key, hash);
    return Promise.resolve(1);
  }

  hget(key: string, field: string): Promise<string | null> {
    return Promise.resolve(this.hashes.get(key)?.get(field) ?? null);
  }

  hdel(key: string, field: string): Promise<number> {
    return Promise.resolve(this.hashes.get(key)?.delete(field) === true ? 1 : 0);
  }

  sadd(key: string, member: string): Promise<number> {
    const set = this.sets.get(key) ?? new Set<string>();
    set.add(member);
    this.sets.set(key, set);
    return Promise.resolve(1);
  }

  smembers(key: string): Promise<string[]> {
    return Promise.resolve([...(this.sets.get(key) ?? [])]);
  }
}
