import { randomUUID } from 'node:crypto';
import { DomainError } from '@metrochain/errors';
import { decodeEvent } from '@metrochain/messaging';
import type { Admin, Consumer, EachMessagePayload, Kafka } from 'kafkajs';
import type { LedgerPosition } from './resume-position';

export const LIFECYCLE_TOPIC = 'meter.lifecycle.v1';

export const TAIL_READ_TIMEOUT_MS = 30_000;

export type TailKafka = Pick<Kafka, 'admin' | 'consumer'>;
type TailAdmin = Pick<Admin, 'connect' | 'disconnect' | 'fetchTopicOffsets'>;
type TailConsumer = Pick<Consumer, 'connect' | 'disconnect' | 'subscribe' | 'run' | 'seek'>;

/** The ledger positions of the last record of every non-empty partition. */
export interface TopicTail {
  lastPublished(): Promise<LedgerPosition[]>;
}

interface PartitionTail {
  partition: number;
  offset: string;
}

/**
 * Reads the last record of every partition of `meter.lifecycle.v1` (the platform created the topic at start-up):
 * the admin gives each partition's high watermark, a throw-away consumer group seeks to the record before it.
 * kafkajs has no group-less assignment, hence the group, deleted afterwards.
 */
export class KafkaTopicTail implements TopicTail {
  readonly #kafka: TailKafka;
  readonly #timeoutMs: number;

  constructor(options: Readonly<{ kafka: TailKafka; timeoutMs?: number }>) {
    this.#kafka = options.kafka;
    this.#timeoutMs = options.timeoutMs ?? TAIL_READ_TIMEOUT_MS;
  }

  async lastPublished(): Promise<LedgerPosition[]> {
    const admin: TailAdmin = this.#kafka.admin();
    await admin.connect();
    try {
      const tails = tailOffsets(await admin.fetchTopicOffsets(LIFECYCLE_TOPIC));
      return tails.length === 0 ? [] : await this.#readRecords(tails);
    } finally {
      await admin.disconnect();
    }
  }

  async #readRecords(tails: readonly PartitionTail[]): Promise<LedgerPosition[]> {
    const groupId = `registration-lifecycle-tail-${randomUUID()}`;
    const consumer: TailConsumer = this.#kafka.consumer({ groupId, allowAutoTopicCreation: false });
    const collected = new TailCollector(tails);
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [LIFECYCLE_TOPIC], fromBeginning: false });
      await consumer.run({
        eachMessage: (payload) => {
          collected.offer(payload);
          return Promise.resolve();
        },
      });
      for (const tail of tails) {
        consumer.seek({ topic: LIFECYCLE_TOPIC, partition: tail.partition, offset: tail.offset });
      }
      return await collected.result(this.#timeoutMs);
    } finally {
      await consumer.disconnect();
      await this.#forgetGroup(groupId);
    }
  }

  async #forgetGroup(groupId: string): Promise<void> {
    const admin = this.#kafka.admin();
    try {
      await admin.connect();
      await admin.deleteGroups([groupId]);
    } catch {
      // An empty group left behind expires with the broker's offsets retention; it holds nothing.
    } finally {
      await admin.disconnect();
    }
  }
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
export class TailCollector {
  readonly #wanted: Map<number, string>;
  readonly #found = new Map<number, LedgerPosition>();
  readonly #done: Promise<LedgerPosition[]>;
  #resolve: (positions: LedgerPosition[]) => void = () => undefined;
  #reject: (error: unknown) => void = () => undefined;

  constructor(tails: readonly PartitionTail[]) {
    this.#wanted = new Map(tails.map((tail) => [tail.partition, tail.offset]));
    this.#done = new Promise<LedgerPosition[]>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
  }

  offer(payload: Pick<EachMessagePayload, 'partition' | 'message'>): void {
    if (this.#wanted.get(payload.partition) !== payload.message.offset) {
      return;
    }
    try {
      const { value } = decodeEvent(LIFECYCLE_TOPIC, payload.message);
      this.#found.set(payload.partition, {
        blockNumber: value.blockNumber,
        txId: value.txId,
        meterId: value.meterId,
      });
    } catch (error) {
      this.#reject(error);
      return;
    }
    if (this.#found.size === this.#wanted.size) {
      this.#resolve([...this.#found.values()]);
    }
  }

  async result(timeoutMs: number): Promise<LedgerPosition[]> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        reject(
          new DomainError({
            code: 'LIFECYCLE_TAIL_TIMEOUT',
            message: `the last records of ${LIFECYCLE_TOPIC} did not arrive within ${timeoutMs} ms`,
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
