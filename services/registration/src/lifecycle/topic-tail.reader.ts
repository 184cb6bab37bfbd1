import type { TopicName } from '@metrochain/contracts';
import { TopicTailReader, type TopicTailKafka } from '@metrochain/messaging';
import type { LedgerPosition } from './resume-position';

export const LIFECYCLE_TOPIC = 'meter.lifecycle.v1' satisfies TopicName;

/** The ledger positions of the last record of every non-empty partition. */
export interface TopicTail {
  lastPublished(): Promise<LedgerPosition[]>;
}

/** Reads the tail of `meter.lifecycle.v1` (the platform created the topic at start-up) as ledger positions. */
export class KafkaTopicTail implements TopicTail {
  readonly #reader: TopicTailReader<typeof LIFECYCLE_TOPIC>;

  constructor(options: Readonly<{ kafka: TopicTailKafka; timeoutMs?: number }>) {
    this.#reader = new TopicTailReader({
      kafka: options.kafka,
      topic: LIFECYCLE_TOPIC,
      groupPrefix: 'registration-lifecycle-tail',
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    });
  }

  async lastPublished(): Promise<LedgerPosition[]> {
    const records = await this.#reader.read();
    return records.map(({ value }) => ({
      blockNumber: value.blockNumber,
      txId: value.txId,
      meterId: value.meterId,
    }));
  }
}
