import type {
  ConsumerConfig,
  ConsumerRunConfig,
  ConsumerSubscribeTopics,
  EachBatchPayload,
  EachMessagePayload,
  IHeaders,
  KafkaMessage,
  ProducerConfig,
  ProducerRecord,
  RecordMetadata,
} from 'kafkajs';
import type { ConsumerFactory, ConsumerPort } from '../event-consumer';
import type { ProducerPort } from '../producer-config';

/** Records what would have gone to Kafka; `failWith` makes the next sends reject. */
export class FakeProducer implements ProducerPort {
  readonly sent: ProducerRecord[] = [];
  connected = false;
  failWith: Error | undefined;

  connect(): Promise<void> {
    this.connected = true;
    return Promise.resolve();
  }

  disconnect(): Promise<void> {
    this.connected = false;
    return Promise.resolve();
  }

  send(record: ProducerRecord): Promise<RecordMetadata[]> {
    if (this.failWith !== undefined) {
      return Promise.reject(this.failWith);
    }
    this.sent.push(record);
    return Promise.resolve(
      record.messages.map((_, index) => ({
        topicName: record.topic,
        partition: 0,
        errorCode: 0,
        baseOffset: String(index),
      })),
    );
  }
}

/** Captures subscription and run config so that a test can deliver records through `deliver`. */
export class FakeConsumer implements ConsumerPort {
  subscription: ConsumerSubscribeTopics | undefined;
  runConfig: ConsumerRunConfig | undefined;
  heartbeats = 0;

  connect(): Promise<void> {
    return Promise.resolve();
  }

  disconnect(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  subscribe(subscription: ConsumerSubscribeTopics): Promise<void> {
    this.subscription = subscription;
    return Promise.resolve();
  }

  run(config?: ConsumerRunConfig): Promise<void> {
    this.runConfig = config;
    return Promise.resolve();
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
}

/** What `deliverBatch` saw kafkajs-side: offsets resolved by the handler, in order. */
export interface DeliveredBatch {
  resolvedOffsets: string[];
}

/** Delivers `messages` of one partition through `eachBatch`, as kafkajs does with `eachBatchAutoResolve: false`. */
export async function deliverBatch(
  consumer: FakeConsumer,
  topic: string,
  partition: number,
  messages: KafkaMessage[],
): Promise<DeliveredBatch> {
  const eachBatch = consumer.runConfig?.eachBatch;
  if (eachBatch === undefined) {
    throw new Error('consumer is not running batches');
  }
  const resolvedOffsets: string[] = [];
  const batch = { topic, partition, highWatermark: '0', messages } as unknown as EachBatchPayload['batch'];
  await eachBatch({
    batch,
    resolveOffset: (offset) => resolvedOffsets.push(offset),
    heartbeat: () => {
      consumer.heartbeats += 1;
      return Promise.resolve();
    },
    pause: () => () => undefined,
    commitOffsetsIfNecessary: () => Promise.resolve(),
    uncommittedOffsets: () => ({ topics: [] }),
    isRunning: () => true,
    isStale: () => false,
  });
  return { resolvedOffsets };
}

export class FakeKafka implements ConsumerFactory {
  readonly producers: FakeProducer[] = [];
  readonly producerConfigs: (ProducerConfig | undefined)[] = [];
  readonly consumers: FakeConsumer[] = [];
  readonly consumerConfigs: ConsumerConfig[] = [];

  producer(config?: ProducerConfig): FakeProducer {
    const producer = new FakeProducer();
    this.producers.push(producer);
    this.producerConfigs.push(config);
    return producer;
  }

  consumer(config: ConsumerConfig): FakeConsumer {
    const consumer = new FakeConsumer();
    this.consumers.push(consumer);
    this.consumerConfigs.push(config);
    return consumer;
  }
}

/** A consumed record as kafkajs hands it to `eachMessage`. */
export function kafkaMessage(
  fields: Readonly<{ key?: string | null; value?: string | null; offset?: string; headers?: IHeaders }>,
): KafkaMessage {
  return {
    key: fields.key === undefined || fields.key === null ? null : Buffer.from(fields.key),
    value: fields.value === undefined || fields.value === null ? null : Buffer.from(fields.value),
    offset: fields.offset ?? '0',
    timestamp: '1748779200000',
    attributes: 0,
    headers: fields.headers ?? {},
  };
}
