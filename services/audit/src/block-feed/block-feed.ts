import type { Network } from '@hyperledger/fabric-gateway';
import { type DecodedBlock, decodeBlock } from '@metrochain/ledger';
import type { BlockCheckpoint } from './block-checkpoint';
import type { BlockHandler } from './block-handler';

export type BlockSource = Pick<Network, 'getBlockEvents'>;

export interface BlockFeedOptions {
  /** The channel on the audit's own org peer: deliver serves blocks from that peer's ledger. */
  source: BlockSource;
  checkpoint: BlockCheckpoint;
  /** Where to start without a checkpoint. */
  startBlock?: number;
  /** Pause before reopening the stream after a failure. */
  retryDelayMs?: number;
  onError?: (error: unknown, handler: string | undefined) => void;
}

const DEFAULT_RETRY_DELAY_MS = 2000;

class HandlerFailure extends Error {
  readonly handler: string;

  constructor(handler: string, cause: unknown) {
    super(`block handler ${handler} failed: ${String(cause)}`, { cause });
    this.handler = handler;
  }
}

/**
 * Follows the channel's blocks from the checkpoint, decodes each once and hands it to every registered handler in
 * registration order; then saves the checkpoint (block + 1). A failing handler or stream is retried from the
 * checkpoint after a pause: no block is skipped, some may be handed over twice.
 */
export class BlockFeed {
  readonly #options: BlockFeedOptions;
  readonly #handlers: BlockHandler[] = [];
  #stopping: AbortController | undefined;
  #running: Promise<void> | undefined;
  #nextBlock = 0;
  #lastBlockAt: string | undefined;

  constructor(options: BlockFeedOptions) {
    this.#options = options;
    this.#nextBlock = options.startBlock ?? 0;
  }

  /** Adds a handler; call before start (handlers added later see only the blocks from then on). */
  register(handler: BlockHandler): void {
    this.#handlers.push(handler);
  }

  get nextBlock(): number {
    return this.#nextBlock;
  }

  get lastBlockAt(): string | undefined {
    return this.#lastBlockAt;
  }

  start(): void {
    if (this.#running !== undefined) {
      return;
    }
    const stopping = new AbortController();
    this.#stopping = stopping;
    this.#running = this.#run(stopping.signal);
  }

  async stop(): Promise<void> {
    this.#stopping?.abort();
    await this.#running;
    this.#running = undefined;
  }

  async #run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        await this.#follow(signal);
      } catch (error) {
        if (isAborted(signal)) {
          return;
        }
        this.#options.onError?.(error, error instanceof HandlerFailure ? error.handler : undefined);
      }
      // Also after a stream that ended by itself (the peer closed it): reopen, but not in a tight loop.
      await pause(this.#options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS, signal);
    }
  }

  async #follow(signal: AbortSignal): Promise<void> {
    const saved = await this.#options.checkpoint.load();
    this.#nextBlock = saved ?? this.#options.startBlock ?? 0;
    const stream = await this.#options.source.getBlockEvents({ startBlock: BigInt(this.#nextBlock) });
    const close = (): void => {
      stream.close();
    };
    signal.addEventListener('abort', close, { once: true });
    try {
      for await (const block of stream) {
        if (signal.aborted) {
          return;
        }
        const decoded = decodeBlock(block);
        if (decoded.number < this.#nextBlock) {
          continue;
        }
        await this.#dispatch(decoded);
        this.#nextBlock = decoded.number + 1;
        this.#lastBlockAt = new Date().toISOString();
        await this.#options.checkpoint.save(this.#nextBlock);
      }
    } finally {
      signal.removeEventListener('abort', close);
      stream.close();
    }
  }

  async #dispatch(block: DecodedBlock): Promise<void> {
    for (const handler of this.#handlers) {
      try {
        await handler.handleBlock(block);
      } catch (error) {
        throw new HandlerFailure(handler.name, error);
      }
    }
  }
}

// A function, so that the compiler does not take `aborted` for the value it had before the await.
function isAborted(signal: AbortSignal): boolean {
  return signal.aborted;
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
