const KEYS = (accountId: string): string => `billing:keys:${accountId}`;
/** Accounts with at least one key: the ones the closer bills. */
const ACCOUNTS = 'billing:accounts';

/** The Redis commands the vault uses (ioredis' client has them). */
export interface VaultRedis {
  hset(key: string, field: string, value: string): Promise<number>;
  hget(key: string, field: string): Promise<string | null>;
  hdel(key: string, field: string): Promise<number>;
  sadd(key: string, member: string): Promise<number>;
  smembers(key: string): Promise<string[]>;
}

/**
 * The functional keys customers issued, in Redis (one hash per account, field = key id, value = the key). The ledger
 * holds each key's record (tariff, validity, hash); the service needs the key itself for every bill it asks the
 * chaincode to compute. A key reveals the bill of every month, as the statements do, never a single reading
 * (docs/billing.md, "Key policy").
 */
export class KeyVault {
  readonly #redis: VaultRedis;

  constructor(redis: VaultRedis) {
    this.#redis = redis;
  }

  async put(accountId: string, keyId: string, functionalKey: string): Promise<void> {
    await this.#redis.hset(KEYS(accountId), keyId, functionalKey);
    await this.#redis.sadd(ACCOUNTS, accountId);
  }

  /** Forgets a key the ledger refused to record. */
  async delete(accountId: string, keyId: string): Promise<void> {
    await this.#redis.hdel(KEYS(accountId), keyId);
  }

  async get(accountId: string, keyId: string): Promise<string | undefined> {
    return (await this.#redis.hget(KEYS(accountId), keyId)) ?? undefined;
  }

  async accounts(): Promise<string[]> {
    return (await this.#redis.smembers(ACCOUNTS)).sort();
  }
}
