import type {
  ChaincodeDefinition,
  ExplorerBlock,
  ExplorerRates,
  ExplorerSearchResult,
  ExplorerSummary,
  ExplorerTransactionDetail,
} from '@metrochain/contracts';
import { DashboardErrorCode } from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import type { DecodedBlock } from '@metrochain/ledger';
import type { Logger } from '@metrochain/observability';
import { BlockCache } from './block-cache';
import { BlockIndex } from './block-index';
import { blockSummary, transactionDetail } from './explorer-views';
import type { LedgerReader } from './ledger-reader';

export type BlockListener = (block: ExplorerBlock) => void;

export interface ExplorerOptions {
  reader: LedgerReader;
  logger: Logger;
  /** How often the chain height is polled (ms). */
  pollMs?: number;
  /** Blocks read per poll while catching up, so that a long chain does not hold the service. */
  catchUpBatch?: number;
  cacheLimit?: number;
  now?: () => number;
}

/**
 * The explorer's model of the channel, built by query: polls the height (qscc GetChainInfo), reads each new block
 * once (GetBlockByNumber) from block 0 up, keeps counters and recent blocks, caches decoded blocks with a bound,
 * and tells listeners (the SSE route) about blocks committed after it caught up.
 */
export class ExplorerService {
  readonly #reader: LedgerReader;
  readonly #logger: Logger;
  readonly #index = new BlockIndex();
  readonly #cache: BlockCache;
  readonly #listeners = new Set<BlockListener>();
  readonly #pollMs: number;
  readonly #catchUpBatch: number;
  readonly #now: () => number;
  #height = 0;
  #timer: NodeJS.Timeout | undefined;
  #polling: Promise<void> | undefined;

  constructor(options: ExplorerOptions) {
    this.#reader = options.reader;
    this.#logger = options.logger;
    this.#pollMs = options.pollMs ?? 1000;
    this.#catchUpBatch = options.catchUpBatch ?? 100;
    this.#cache = new BlockCache(options.cacheLimit ?? 500);
    this.#now = options.now ?? Date.now;
  }

  start(): void {
    this.#timer ??= setInterval(() => void this.poll(), this.#pollMs);
    this.#timer.unref();
    void this.poll();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#polling;
  }

  /** One round: the height, then up to a batch of unread blocks; concurrent calls share the round. */
  poll(): Promise<void> {
    this.#polling ??= this.#pollOnce()
      .catch((error: unknown) => {
        this.#logger.warn({ err: error }, 'explorer poll failed');
      })
      .finally(() => {
        this.#polling = undefined;
      });
    return this.#polling;
  }

  async #pollOnce(): Promise<void> {
    this.#height = await this.#reader.height();
    const caughtUp = this.#height - this.#index.indexedHeight <= this.#catchUpBatch;
    const until = Math.min(this.#height, this.#index.indexedHeight + this.#catchUpBatch);
    while (this.#index.indexedHeight < until) {
      const summary = blockSummary(await this.#block(this.#index.indexedHeight));
      this.#index.add(summary);
      if (caughtUp) {
        for (const listener of this.#listeners) {
          listener(summary);
        }
      }
    }
  }

  onBlock(listener: BlockListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  summary(): ExplorerSummary {
    return {
      channel: this.#reader.channel,
      height: this.#height,
      indexedHeight: this.#index.indexedHeight,
      ...this.#index.counters,
    };
  }

  latest(limit: number): ExplorerBlock[] {
    return this.#index.latest(limit);
  }

  rates(): ExplorerRates {
    return this.#index.rates(this.#now());
  }

  chaincodes(): Promise<ChaincodeDefinition[]> {
    return this.#reader.chaincodes();
  }

  async block(blockNumber: number): Promise<ExplorerBlock> {
    return blockSummary(await this.#block(blockNumber));
  }

  async transaction(txId: string): Promise<ExplorerTransactionDetail> {
    const block = this.#cache.blockOfTx(txId) ?? (await this.#blockOfTx(txId));
    const tx = block.transactions.find((candidate) => candidate.txId === txId);
    if (tx === undefined) {
      throw unknownTransaction(txId);
    }
    return transactionDetail(block.number, tx);
  }

  /** A block number (digits) or a transaction id (64 hex digits). */
  async search(query: string): Promise<ExplorerSearchResult> {
    if (/^\d{1,15}$/.test(query)) {
      return { kind: 'block', block: await this.block(Number(query)) };
    }
    if (/^[0-9a-fA-F]{64}$/.test(query)) {
      return { kind: 'transaction', transaction: await this.transaction(query.toLowerCase()) };
    }
    throw new DomainError({
      code: DashboardErrorCode.SEARCH_NOT_FOUND,
      message: 'search by a block number or a 64-hex-digit transaction id',
    });
  }

  async #block(blockNumber: number): Promise<DecodedBlock> {
    const cached = this.#cache.get(blockNumber);
    if (cached !== undefined) {
      return cached;
    }
    if (blockNumber >= Math.max(this.#height, await this.#reader.height())) {
      throw new DomainError({
        code: DashboardErrorCode.BLOCK_UNKNOWN,
        message: `block ${blockNumber} is beyond the chain's height`,
      });
    }
    const block = await this.#reader.blockByNumber(blockNumber);
    this.#cache.put(block);
    return block;
  }

  async #blockOfTx(txId: string): Promise<DecodedBlock> {
    const block = await this.#reader.blockByTxId(txId).catch((error: unknown) => {
      throw unknownTransaction(txId, error);
    });
    this.#cache.put(block);
    return block;
  }
}

function unknownTransaction(txId: string, cause?: unknown): DomainError {
  return new DomainError({
    code: DashboardErrorCode.TRANSACTION_UNKNOWN,
    message: `no transaction ${txId} on the channel`,
    cause,
  });
}
