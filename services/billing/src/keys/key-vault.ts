import type { Redis } from 'ioredis';

const KEYS = (accountId: string): string => `billing:keys:${accountId}`;
/** Accounts with at least one key: the ones the closer bills. */
const ACCOUNTS = 'billing:accounts';

/**
 * The functional keys customers issued, in Redis (one hash per account, field = key id, value = the key). The ledger
 * holds each key's record (tariff, validity, hash); the service needs the key itself for every bill it asks the
 * chaincode to compute. A key reveals the bill of every month, as the statements do, never a single reading
 * (docs/billing.md, "Key policy").
 */
export class KeyVault {
  readonly #redis: Pick<Redis, 'hset' | 'hget' | 'hdel' | 'sadd' | 'smembers'>;

  constructor(redis: Pick<Redis, 'hset' | 'hget' | 'hdel' | 'sadd' | 'smembers'>) {
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
