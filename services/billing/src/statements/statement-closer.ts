import type { Account, BillingStatementsV1, Statement } from '@metrochain/contracts';
import { isDomainError } from '@metrochain/errors';
import type { BillingLedger } from '../accounts/billing-ledger';
import type { ClosingSettings } from '../config/billing.config';
import { BillingErrorCode, billingError } from '../http/billing-error';
import type { KeyVault, VaultRedis } from '../keys/key-vault';
import { closableMonths, monthEndMs, monthWithin } from './billing-months';

export type PublishStatement = (statement: Readonly<BillingStatementsV1>) => Promise<void>;

export interface StatementCloserOptions {
  ledger: Pick<BillingLedger, 'getAccount' | 'listKeys' | 'computeStatement'>;
  vault: Pick<KeyVault, 'get' | 'accounts'>;
  redis: Pick<VaultRedis, 'hget' | 'hset'>;
  publish: PublishStatement;
  settings: Readonly<ClosingSettings>;
  now?: () => number;
  onFailure?: (accountId: string, period: string, error: unknown) => void;
}

// Per account: period → the revision published (`complete` ones are final) or the time of the last attempt.
const PROGRESS = (accountId: string): string => `billing:progress:${accountId}`;

interface Progress {
  /** The last revision published to billing.statements.v1. */
  published?: number;
  complete?: boolean;
  attemptedAt?: number;
  /**
   * A key whose computation gave FE_NO_RESULT: the month's ciphertexts were complete (only complete months are
   * solved) and cannot change, so the answer cannot either; the closer does not ask again for this key.
   */
  noResultKeyId?: string;
}

/**
 * Closes billing months: asks the billing contract to compute the statement with the key whose validity covers the
 * month (the key travels in the transient map), then publishes every new revision on billing.statements.v1 keyed by
 * account. A complete statement is final; an incomplete one, or a computation that failed, is tried again at most
 * every `retryMs` (a ledger that could not be reached, at the next pass). Publication follows the commit, so a crash in between publishes on the next attempt (consumers
 * see a revision at least once and may see it twice).
 */
export class StatementCloser {
  readonly #options: Readonly<StatementCloserOptions>;
  readonly #now: () => number;

  constructor(options: Readonly<StatementCloserOptions>) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /** Computes (or fetches the final) statement of an ended month and publishes it if it is new. */
  async close(account: Readonly<Account>, period: string): Promise<Statement> {
    if (monthEndMs(period) > this.#now()) {
      throw billingError(BillingErrorCode.PERIOD_OPEN, `${period} has not ended`, { period });
    }
    const keyId = await this.#keyIdFor(account, period);
    const functionalKey = await this.#options.vault.get(account.accountId, keyId);
    if (functionalKey === undefined) {
      throw billingError(BillingErrorCode.KEY_NOT_ISSUED, `the key ${keyId} is not held by this service`, {
        keyId,
      });
    }
    await this.#save(account.accountId, period, { attemptedAt: this.#now() });
    const { blockNumber, ...statement } = await this.#compute(
      account.accountId,
      period,
      keyId,
      functionalKey,
    );
    const progress = await this.#progress(account.accountId, period);
    if (progress.published !== statement.revision) {
      await this.#options.publish({ ...statement, blockNumber: Number(blockNumber) });
    }
    await this.#save(account.accountId, period, {
      published: statement.revision,
      complete: statement.status === 'complete',
      attemptedAt: this.#now(),
    });
    return statement;
  }

  /** One pass over every account with a key: bills each month past its grace window that is not final yet. */
  async tick(): Promise<void> {
    for (const accountId of await this.#options.vault.accounts()) {
      try {
        await this.#closeAccount(accountId);
      } catch (error) {
        this.#options.onFailure?.(accountId, '*', error);
      }
    }
  }

  async #closeAccount(accountId: string): Promise<void> {
    const account = await this.#options.ledger.getAccount(accountId);
    const { graceMs, retryMs } = this.#options.settings;
    for (const period of closableMonths(account.billingFrom, this.#now(), graceMs)) {
      const progress = await this.#progress(accountId, period);
      const retryDue = progress.attemptedAt === undefined || progress.attemptedAt + retryMs <= this.#now();
      if (progress.complete === true || progress.noResultKeyId !== undefined || !retryDue) {
        continue;
      }
      try {
        await this.close(account, period);
      } catch (error) {
        if (isDomainError(error) && error.code === BillingErrorCode.KEY_NOT_ISSUED) {
          continue;
        }
        this.#options.onFailure?.(accountId, period, error);
      }
    }
  }

  async #compute(
    accountId: string,
    period: string,
    keyId: string,
    functionalKey: string,
  ): ReturnType<StatementCloserOptions['ledger']['computeStatement']> {
    try {
      return await this.#options.ledger.computeStatement({ accountId, period, keyId }, functionalKey);
    } catch (error) {
      if (isDomainError(error) && error.code === 'FE_NO_RESULT') {
        await this.#save(accountId, period, { noResultKeyId: keyId });
      } else if (isDomainError(error) && error.retriable) {
        await this.#forgetAttempt(accountId, period);
      }
      throw error;
    }
  }

  async #keyIdFor(account: Readonly<Account>, period: string): Promise<string> {
    const keys = await this.#options.ledger.listKeys(account.accountId);
    const key = keys.find((candidate) => monthWithin(period, candidate.validFrom, candidate.validTo));
    if (key === undefined) {
      throw billingError(BillingErrorCode.KEY_NOT_ISSUED, `no key of ${account.accountId} covers ${period}`, {
        period,
      });
    }
    return key.keyId;
  }

  async #progress(accountId: string, period: string): Promise<Progress> {
    const stored = await this.#options.redis.hget(PROGRESS(accountId), period);
    return stored === null ? {} : (JSON.parse(stored) as Progress);
  }

  /**
   * The ledger was not reached (its peers down) or the write conflicted: the next pass may try again at once rather
   * than after `retryMs` (an hour by default), so a bill due while a peer restarts is not held back that long. A
   * transaction that did reach the orderer cannot be doubled by this: the contract returns a complete statement
   * unchanged, and two computations of an incomplete one conflict on its key.
   */
  async #forgetAttempt(accountId: string, period: string): Promise<void> {
    const progress = await this.#progress(accountId, period);
    delete progress.attemptedAt;
    await this.#options.redis.hset(PROGRESS(accountId), period, JSON.stringify(progress));
  }

  async #save(accountId: string, period: string, progress: Readonly<Progress>): Promise<void> {
    const merged = { ...(await this.#progress(accountId, period)), ...progress };
    await this.#options.redis.hset(PROGRESS(accountId), period, JSON.stringify(merged));
  }
}
