import { randomUUID } from 'node:crypto';
import type { TopicName } from '@metrochain/contracts';
import type { Admin, Consumer, ConsumerConfig } from 'kafkajs';
import { type PartitionTail, TailCollector, type TailRecord, tailOffsets } from './tail-collector';

export const DEFAULT_TAIL_READ_TIMEOUT_MS = 30_000;

/** The parts of a kafkajs admin and consumer that `TopicTailReader` uses. */
export type TopicTailAdminPort = Pick<Admin, 'connect' | 'disconnect' | 'fetchTopicOffsets' | 'deleteGroups'>;
export type TopicTailConsumerPort = Pick<Consumer, 'connect' | 'disconnect' | 'subscribe' | 'run' | 'seek'>;

/** A `Kafka` client satisfies this. */
export interface TopicTailKafka {
  admin(): TopicTailAdminPort;
  consumer(config: ConsumerConfig): TopicTailConsumerPort;
}

export interface TopicTailReaderOptions<T extends TopicName> {
  kafka: TopicTailKafka;
  topic: T;
  /** Names the throw-away consumer group of each read, followed by a random suffix. */
  groupPrefix: string;
  /** How long a read waits for the records; default 30 s. */
  timeoutMs?: number;
}

/**
 * Reads the last record of every partition of a topic, e.g. to resume publishing where the topic ends: the admin
 * gives each partition's high watermark, a throw-away consumer group seeks to the record before it. kafkajs has no
 * group-less assignment, hence the group, deleted afterwards. The topic must exist.
 */
export class TopicTailReader<T extends TopicName> {
  readonly #options: Readonly<TopicTailReaderOptions<T>>;

  constructor(options: Readonly<TopicTailReaderOptions<T>>) {
    this.#options = options;
  }

  /** The last record of each non-empty partition; rejects on a record that breaks the contract or on timeout. */
  async read(): Promise<TailRecord<T>[]> {
    const admin = this.#options.kafka.admin();
    await admin.connect();
    try {
      const tails = tailOffsets(await admin.fetchTopicOffsets(this.#options.topic));
      return tails.length === 0 ? [] : await this.#readRecords(tails);
    } finally {
      await admin.disconnect();
    }
  }

  async #readRecords(tails: readonly PartitionTail[]): Promise<TailRecord<T>[]> {
    const { kafka, topic } = this.#options;
    const groupId = `${this.#options.groupPrefix}-${randomUUID()}`;
    const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
    const collected = new TailCollector(topic, tails);
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [topic], fromBeginning: false });
      await consumer.run({
        eachMessage: (payload) => {
          collected.offer(payload);
          return Promise.resolve();
        },
      });
      for (const tail of tails) {
        consumer.seek({ topic, partition: tail.partition, offset: tail.offset });
      }
      return await collected.result(this.#options.timeoutMs ?? DEFAULT_TAIL_READ_TIMEOUT_MS);
    } finally {
      await consumer.disconnect();
      await this.#forgetGroup(groupId);
    }
  }

  async #forgetGroup(groupId: string): Promise<void> {
    const admin = this.#options.kafka.admin();
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
