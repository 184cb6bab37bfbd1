import type { EventValue, TopicName } from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import type { KafkaMessage } from 'kafkajs';
import { decodeEvent } from './event-codec';
import { MessagingErrorCode } from './messaging-error-code';

/** The offset of the last record of one partition. */
export interface PartitionTail {
  partition: number;
  offset: string;
}

/** The last record of one partition, decoded. */
export interface TailRecord<T extends TopicName> {
  partition: number;
  offset: string;
  value: EventValue<T>;
}

/** Offset of the last record of each partition that holds any. */
export function tailOffsets(
  offsets: readonly Readonly<{ partition: number; high: string; low: string }>[],
): PartitionTail[] {
  return offsets
    .filter((entry) => BigInt(entry.high) > BigInt(entry.low))
    .map((entry) => ({ partition: entry.partition, offset: (BigInt(entry.high) - 1n).toString() }));
}

/** Collects the wanted record of each partition and settles once it has all of them, or on a bad one. */
export class TailCollector<T extends TopicName> {
  readonly #topic: T;
  readonly #wanted: Map<number, string>;
  readonly #found = new Map<number, TailRecord<T>>();
  readonly #done: Promise<TailRecord<T>[]>;
  #resolve: (records: TailRecord<T>[]) => void = () => undefined;
  #reject: (error: unknown) => void = () => undefined;

  constructor(topic: T, tails: readonly PartitionTail[]) {
    this.#topic = topic;
    this.#wanted = new Map(tails.map((tail) => [tail.partition, tail.offset]));
    this.#done = new Promise<TailRecord<T>[]>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
  }

  offer(record: Readonly<{ partition: number; message: KafkaMessage }>): void {
    const { partition, message } = record;
    if (this.#wanted.get(partition) !== message.offset) {
      return;
    }
    try {
      const { value } = decodeEvent(this.#topic, message);
      this.#found.set(partition, { partition, offset: message.offset, value });
    } catch (error) {
      this.#reject(error);
      return;
    }
    if (this.#found.size === this.#wanted.size) {
      this.#resolve([...this.#found.values()]);
    }
  }

  /** The records, in the order they came; a retriable TOPIC_TAIL_TIMEOUT when not all came within `timeoutMs`. */
  async result(timeoutMs: number): Promise<TailRecord<T>[]> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        reject(
          new DomainError<MessagingErrorCode>({
            code: MessagingErrorCode.TOPIC_TAIL_TIMEOUT,
            message: `the last records of ${this.#topic} did not arrive within ${timeoutMs} ms`,
            retriable: true,
            details: { missing: [...this.#wanted.keys()].filter((partition) => !this.#found.has(partition)) },
          }),
        );
      }, timeoutMs);
    });
    try {
      return await Promise.race([this.#done, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
