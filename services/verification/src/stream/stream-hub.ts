import { type BeforeApplicationShutdown, Logger } from '@nestjs/common';
import type { VerificationRecord } from '@metrochain/contracts';
import { RecentIds } from './recent-ids';
import { SseFrames } from './sse-frames';
import { type StreamFilter, matchesFilter } from './stream-filter';
import type { VerificationFanout } from './verification-fanout';

/** One auditor's open response: frames are queued in its write buffer, which the hub keeps bounded. */
export interface SseSink {
  write(chunk: string): void;
  /** Bytes written but not yet sent to the client. */
  readonly bufferedBytes: number;
  end(): void;
}

export interface Subscription {
  auditor: string;
  filter: StreamFilter;
}

export interface StreamHubOptions {
  /** A client with more unsent bytes than this gets `overflow` and is closed. */
  maxBufferedBytes: number;
  keepAliveMs?: number;
  /** The reconnection delay announced to clients. */
  retryMs?: number;
  /** How many recent verification ids are remembered to send a record once when it arrives twice. */
  recentIds?: number;
  logger?: Pick<Logger, 'log' | 'warn'>;
}

interface Subscriber extends Subscription {
  sink: SseSink;
}

interface Frame {
  text: string;
  bytes: number;
}

function frameOf(record: Readonly<VerificationRecord>): Frame {
  const text = SseFrames.verification(record);
  return { text, bytes: Buffer.byteLength(text) };
}

export const STREAM_KEEP_ALIVE_MS = 15_000;
export const STREAM_RETRY_MS = 2_000;
const RECENT_IDS = 65_536;

/**
 * Fans verification records out to the connected auditors. `publish` never waits: it appends one shared frame
 * to each matching client's write buffer, so a slow client holds up neither the others nor the Kafka consumer.
 * A client whose buffer would exceed the bound is sent `overflow` and closed; it may reconnect, and the durable
 * history is the `verifications.v1` topic.
 */
export class StreamHub implements VerificationFanout, BeforeApplicationShutdown {
  readonly #subscribers = new Set<Subscriber>();
  readonly #options: Readonly<StreamHubOptions>;
  readonly #logger: Pick<Logger, 'log' | 'warn'>;
  readonly #recent: RecentIds;
  #keepAlive: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(options: Readonly<StreamHubOptions>) {
    this.#options = options;
    this.#logger = options.logger ?? new Logger('AuditorStream');
    this.#recent = new RecentIds(options.recentIds ?? RECENT_IDS);
  }

  get size(): number {
    return this.#subscribers.size;
  }

  get listening(): boolean {
    return this.#subscribers.size > 0;
  }

  /** Starts a client's stream; the returned function removes it (call it when the connection closes). */
  subscribe(sink: SseSink, subscription: Readonly<Subscription>): () => void {
    if (this.#closed) {
      sink.end();
      return () => undefined;
    }
    const subscriber: Subscriber = { ...subscription, sink };
    this.#subscribers.add(subscriber);
    sink.write(SseFrames.retry(this.#options.retryMs ?? STREAM_RETRY_MS));
    this.#keepAlive ??= setInterval(() => {
      this.#sendKeepAlive();
    }, this.#options.keepAliveMs ?? STREAM_KEEP_ALIVE_MS).unref();
    this.#logger.log(`${subscription.auditor} subscribed (${String(this.size)} open)`);
    return () => {
      this.#remove(subscriber);
    };
  }

  publish(record: Readonly<VerificationRecord>): void {
    // Nobody listens: nothing to send and no id worth remembering.
    if (this.#subscribers.size === 0 || !this.#recent.add(record.verificationId)) {
      return;
    }
    // Serialised once, for the first client that wants it, and shared by all.
    let frame: Frame | undefined;
    for (const subscriber of this.#subscribers) {
      if (matchesFilter(subscriber.filter, record)) {
        frame ??= frameOf(record);
        this.#deliver(subscriber, frame);
      }
    }
  }

  /** Ends every stream (shutdown), so that the HTTP server can close; later subscribers are ended at once. */
  close(): void {
    this.#closed = true;
    for (const subscriber of [...this.#subscribers]) {
      this.#remove(subscriber);
      subscriber.sink.end();
    }
  }

  beforeApplicationShutdown(): void {
    this.close();
  }

  #deliver(subscriber: Subscriber, frame: Readonly<Frame>): void {
    if (subscriber.sink.bufferedBytes + frame.bytes <= this.#options.maxBufferedBytes) {
      subscriber.sink.write(frame.text);
      return;
    }
    this.#remove(subscriber);
    subscriber.sink.write(SseFrames.overflow);
    subscriber.sink.end();
    this.#logger.warn(`${subscriber.auditor} fell too far behind: sent overflow and closed`);
  }

  // A client with bytes still unsent is not idle; a comment would only add to its backlog.
  #sendKeepAlive(): void {
    for (const subscriber of this.#subscribers) {
      if (subscriber.sink.bufferedBytes === 0) {
        subscriber.sink.write(SseFrames.keepAlive);
      }
    }
  }

  #remove(subscriber: Subscriber): void {
    if (!this.#subscribers.delete(subscriber)) {
      return;
    }
    this.#logger.log(`${subscriber.auditor} left (${String(this.size)} open)`);
    if (this.#subscribers.size === 0) {
      clearInterval(this.#keepAlive);
      this.#keepAlive = undefined;
    }
  }
}
