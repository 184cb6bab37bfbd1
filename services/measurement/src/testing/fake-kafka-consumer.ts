import type { Reading } from '@metrochain/contracts';
import type { ProducerPort } from '@metrochain/messaging';
import type {
  ConsumerRunConfig,
  EachBatchPayload,
  KafkaMessage,
  Message,
  ProducerRecord,
  RecordMetadata,
  TopicPartitionOffsetAndMetadata,
} from 'kafkajs';
import type { RecorderKafkaConsumer } from '../recorder/recorder-consumer';
import { TRACEPARENT } from './reading-fixtures';

/** A readings.verified.v1 record as Kafka hands it over. */
export function verifiedMessage(offset: number, reading: Reading): KafkaMessage {
  return rawMessage(
    offset,
    JSON.stringify({ reading, verifiedBy: 'PTBMSP', verifiedAt: '2025-03-01T12:00:01.000Z' }),
    reading.meterId,
  );
}

export function rawMessage(offset: number, value: string, key = 'meter-1'): KafkaMessage {
  return {
    key: Buffer.from(key),
    value: Buffer.from(value),
    offset: String(offset),
    timestamp: '0',
    attributes: 0,
    headers: { traceparent: Buffer.from(TRACEPARENT) },
  };
}

/** What one eachBatch call did with its payload. */
export interface Delivery {
  done: Promise<void>;
  resolved: string[];
  heartbeats: number;
  paused: boolean;
}

/** A kafkajs consumer driven by the test: `deliver` calls eachBatch as a fetch of one partition would. */
export class FakeKafkaConsumer implements RecorderKafkaConsumer {
  readonly events = { GROUP_JOIN: 'consumer.group_join' } as RecorderKafkaConsumer['events'];
  readonly commits: TopicPartitionOffsetAndMetadata[] = [];
  /** Runs at each commit, e.g. to see what had happened by then. */
  onCommit: (() => void) | undefined;
  commitFailure: Error | undefined;
  subscribed: unknown;
  runConfig: ConsumerRunConfig | undefined;
  running = false;
  stopped = false;
  disconnected = false;
  readonly #listeners = new Map<string, (() => void)[]>();

  on = ((event: string, listener: () => void) => {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), listener]);
    return () => undefined;
  }) as RecorderKafkaConsumer['on'];

  connect(): Promise<void> {
    return Promise.resolve();
  }

  subscribe(subscription: unknown): Promise<void> {
    this.subscribed = subscription;
    return Promise.resolve();
  }

  run(config?: ConsumerRunConfig): Promise<void> {
    this.runConfig = config;
    this.running = true;
    return Promise.resolve();
  }

  commitOffsets(offsets: TopicPartitionOffsetAndMetadata[]): Promise<void> {
    if (this.commitFailure !== undefined) {
      return Promise.reject(this.commitFailure);
    }
    this.onCommit?.();
    this.commits.push(...offsets);
    return Promise.resolve();
  }

  stop(): Promise<void> {
    this.running = false;
    this.stopped = true;
    return Promise.resolve();
  }

  disconnect(): Promise<void> {
    this.disconnected = true;
    return Promise.resolve();
  }

  emit(event: string): void {
    for (const listener of this.#listeners.get(event) ?? []) {
      listener();
    }
  }

  committed(partition: number): string | undefined {
    return this.commits.filter((commit) => commit.partition === partition).at(-1)?.offset;
  }

  deliver(partition: number, messages: KafkaMessage[]): Delivery {
    const delivery: Delivery = { done: Promise.resolve(), resolved: [], heartbeats: 0, paused: false };
    const payload = {
      batch: { topic: 'readings.verified.v1', partition, messages },
      resolveOffset: (offset: string) => delivery.resolved.push(offset),
      heartbeat: () => {
        delivery.heartbeats += 1;
        return Promise.resolve();
      },
      pause: () => {
        delivery.paused = true;
        return () => undefined;
      },
      isRunning: () => this.running,
      isStale: () => false,
    } as unknown as EachBatchPayload;
    const eachBatch = this.runConfig?.eachBatch;
    delivery.done = eachBatch === undefined ? Promise.reject(new Error('not running')) : eachBatch(payload);
    return delivery;
  }
}

/** The dead-letter producer: keeps what it sent, or fails while `failWith` is set. */
export class FakeDeadLetters implements ProducerPort {
  readonly sent: Message[] = [];
  failWith: Error | undefined;

  connect(): Promise<void> {
    return Promise.resolve();
  }

  disconnect(): Promise<void> {
    return Promise.resolve();
  }

  send(record: ProducerRecord): Promise<RecordMetadata[]> {
    if (this.failWith !== undefined) {
      return Promise.reject(this.failWith);
    }
    if (record.topic !== 'readings.verified.v1.dlt' || record.acks !== -1) {
      return Promise.reject(new Error(`unexpected send to ${record.topic} with acks ${String(record.acks)}`));
    }
    this.sent.push(...record.messages);
    return Promise.resolve([]);
  }
}
