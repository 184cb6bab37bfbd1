import type {
  ConsumerRunConfig,
  ConsumerSubscribeTopics,
  EachBatchPayload,
  EachMessagePayload,
  KafkaMessage,
  TopicPartitionOffsetAndMetadata,
} from 'kafkajs';
import type { ManualCommitConsumerPort } from '../manual-commit-consumer';

/** What one `deliverBatch` did with its payload; `done` settles when `eachBatch` returns. */
export interface BatchDelivery {
  done: Promise<void>;
  /** Offsets resolved by the handler, in order. */
  resolved: string[];
  heartbeats: number;
  paused: boolean;
}

/**
 * A kafkajs consumer driven by the test: captures the subscription and run config, delivers records through
 * `deliver` (eachMessage) or `deliverBatch` (eachBatch, as a fetch of one partition would), keeps commits and
 * emits group events on demand.
 */
export class FakeConsumer implements ManualCommitConsumerPort {
  readonly events = { GROUP_JOIN: 'consumer.group_join' } as ManualCommitConsumerPort['events'];
  readonly commits: TopicPartitionOffsetAndMetadata[] = [];
  subscription: ConsumerSubscribeTopics | undefined;
  runConfig: ConsumerRunConfig | undefined;
  heartbeats = 0;
  running = false;
  stopped = false;
  disconnected = false;
  /** Makes commits reject while set. */
  commitFailure: Error | undefined;
  /** Runs at each commit, e.g. to see what had happened by then. */
  onCommit: (() => void) | undefined;
  readonly #listeners = new Map<string, (() => void)[]>();

  on = ((event: string, listener: () => void) => {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), listener]);
    return () => undefined;
  }) as ManualCommitConsumerPort['on'];

  connect(): Promise<void> {
    return Promise.resolve();
  }

  disconnect(): Promise<void> {
    this.disconnected = true;
    return Promise.resolve();
  }

  stop(): Promise<void> {
    this.running = false;
    this.stopped = true;
    return Promise.resolve();
  }

  subscribe(subscription: ConsumerSubscribeTopics): Promise<void> {
    this.subscription = subscription;
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

  /** The last offset committed for `partition`. */
  committed(partition: number): string | undefined {
    return this.commits.filter((commit) => commit.partition === partition).at(-1)?.offset;
  }

  emit(event: string): void {
    for (const listener of this.#listeners.get(event) ?? []) {
      listener();
    }
  }

  async deliver(topic: string, partition: number, message: KafkaMessage): Promise<void> {
    const eachMessage = this.runConfig?.eachMessage;
    if (eachMessage === undefined) {
      throw new Error('consumer is not running');
    }
    const payload: EachMessagePayload = {
      topic,
      partition,
      message,
      heartbeat: () => {
        this.heartbeats += 1;
        return Promise.resolve();
      },
      pause: () => () => undefined,
    };
    await eachMessage(payload);
  }

  /** Delivers `messages` of one partition through `eachBatch`, as kafkajs does with `eachBatchAutoResolve: false`. */
  deliverBatch(topic: string, partition: number, messages: KafkaMessage[]): BatchDelivery {
    const delivery: BatchDelivery = { done: Promise.resolve(), resolved: [], heartbeats: 0, paused: false };
    const eachBatch = this.runConfig?.eachBatch;
    if (eachBatch === undefined) {
      delivery.done = Promise.reject(new Error('consumer is not running batches'));
      return delivery;
    }
    const batch = { topic, partition, highWatermark: '0', messages } as unknown as EachBatchPayload['batch'];
    delivery.done = eachBatch({
      batch,
      resolveOffset: (offset) => delivery.resolved.push(offset),
      heartbeat: () => {
        delivery.heartbeats += 1;
        this.heartbeats += 1;
        return Promise.resolve();
      },
      pause: () => {
        delivery.paused = true;
        return () => undefined;
      },
      commitOffsetsIfNecessary: () => Promise.resolve(),
      uncommittedOffsets: () => ({ topics: [] }),
      isRunning: () => this.running,
      isStale: () => false,
    });
    return delivery;
  }
}
