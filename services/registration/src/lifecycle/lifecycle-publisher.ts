import { setTimeout as delay } from 'node:timers/promises';
import type { ChaincodeEvent } from '@hyperledger/fabric-gateway';
import type { MeterLifecycleV1 } from '@metrochain/contracts';
import type { Lease } from './publisher-lease';
import { ResumeFilter, resumePositionOf, startBlockOf } from './resume-position';
import type { TopicTail } from './topic-tail.reader';

/** Chaincode events from `startBlock` on, in ledger order, until `signal` aborts. */
export type EventSource = (startBlock: bigint, signal: AbortSignal) => AsyncIterable<ChaincodeEvent>;

export interface PublisherLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface LifecyclePublisherOptions {
  lease: Lease;
  tail: TopicTail;
  events: EventSource;
  /** The lifecycle messages of an event in its order; none when it is no lifecycle change. */
  toMessages: (event: ChaincodeEvent) => Promise<MeterLifecycleV1[]>;
  /** Resolves once Kafka acknowledged the message (acks = all). */
  publish: (message: MeterLifecycleV1) => Promise<void>;
  log: PublisherLog;
  /** How often a standby tries to take the lease; default a fifth of the lease TTL. */
  standbyPollMs?: number;
  /** Pause after a failed or lost lead before competing again; default the lease TTL. */
  retryDelayMs?: number;
  now?: () => Date;
}

export interface PublishedEvent {
  txId: string;
  blockNumber: number;
  publishedAt: string;
}

/**
 * Publishes every registry lifecycle event once, from whichever instance holds the lease. On taking the lease it
 * resumes after the last event already in the topic, so neither a crash nor a takeover duplicates or skips one;
 * each message is acknowledged before the next event is read. It stops publishing when it can no longer be sure of
 * the lease.
 */
export class LifecyclePublisher {
  readonly #options: Readonly<LifecyclePublisherOptions>;
  readonly #now: () => Date;
  #leading = false;
  #lastPublished: PublishedEvent | undefined;

  constructor(options: Readonly<LifecyclePublisherOptions>) {
    this.#options = options;
    this.#now = options.now ?? ((): Date => new Date());
  }

  get leading(): boolean {
    return this.#leading;
  }

  get lastPublished(): PublishedEvent | undefined {
    return this.#lastPublished;
  }

  /** Competes for the lease and publishes while holding it, until `signal` aborts; never throws. */
  async run(signal: AbortSignal): Promise<void> {
    const { lease, log } = this.#options;
    while (!signal.aborted) {
      if (await this.#tryAcquire()) {
        log.info('took the lifecycle publishing lease');
        await this.#leadUntilLost(signal);
        await pause(this.#options.retryDelayMs ?? lease.ttlMs, signal);
      } else {
        await pause(this.#options.standbyPollMs ?? lease.ttlMs / 5, signal);
      }
    }
  }

  async #tryAcquire(): Promise<boolean> {
    try {
      return await this.#options.lease.acquire();
    } catch (error) {
      this.#options.log.warn(`could not ask for the lifecycle lease: ${describe(error)}`);
      return false;
    }
  }

  async #leadUntilLost(signal: AbortSignal): Promise<void> {
    const leading = new AbortController();
    const stop = (): void => {
      leading.abort();
    };
    signal.addEventListener('abort', stop, { once: true });
    this.#leading = true;
    const renewing = this.#keepRenewed(leading);
    try {
      await this.#publishFromTail(leading.signal);
    } catch (error) {
      this.#options.log.warn(`lifecycle publishing stopped: ${describe(error)}`);
    } finally {
      this.#leading = false;
      leading.abort();
      signal.removeEventListener('abort', stop);
      await renewing;
      await this.#release();
    }
  }

  async #publishFromTail(signal: AbortSignal): Promise<void> {
    const position = resumePositionOf(await this.#options.tail.lastPublished());
    const filter = new ResumeFilter(position);
    this.#options.log.info(
      position === undefined
        ? 'nothing published yet: reading registry events from block 0'
        : `resuming after ${[...position.changes].join(', ')} (transaction/meter) of block ${String(position.blockNumber)}`,
    );
    for await (const event of this.#options.events(startBlockOf(position), signal)) {
      if (filter.precedes(event.blockNumber)) {
        continue;
      }
      for (const message of await this.#options.toMessages(event)) {
        if (filter.isNew(message)) {
          await this.#publish(message);
        }
      }
    }
  }

  async #publish(message: MeterLifecycleV1): Promise<void> {
    // Checked before each send: a holder that cannot renew stops before its lease can have passed to another.
    if (!this.#options.lease.isHeld(this.#options.lease.ttlMs / 3)) {
      throw new Error('the lease is no longer certainly held');
    }
    await this.#options.publish(message);
    this.#lastPublished = {
      txId: message.txId,
      blockNumber: message.blockNumber,
      publishedAt: this.#now().toISOString(),
    };
  }

  async #keepRenewed(leading: AbortController): Promise<void> {
    const { lease, log } = this.#options;
    while (await pause(lease.ttlMs / 3, leading.signal)) {
      let held: boolean;
      try {
        held = await lease.renew();
      } catch (error) {
        // Redis may come back before the lease runs out; until then the lease still counts by the local clock.
        log.warn(`could not renew the lifecycle lease: ${describe(error)}`);
        held = lease.isHeld();
      }
      if (!held) {
        log.warn('lost the lifecycle publishing lease');
        leading.abort();
      }
    }
  }

  async #release(): Promise<void> {
    try {
      await this.#options.lease.release();
    } catch (error) {
      this.#options.log.warn(
        `could not release the lifecycle lease (it lapses by itself): ${describe(error)}`,
      );
    }
  }
}

/** Sleeps `ms`, or less when `signal` aborts; resolves whether it slept the whole time, never rejects. */
async function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  try {
    await delay(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as Error & { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
