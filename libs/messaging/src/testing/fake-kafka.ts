import type { ConsumerConfig, IHeaders, KafkaMessage, ProducerConfig } from 'kafkajs';
import type { ConsumerFactory } from '../event-consumer';
import type { ManualCommitConsumerFactory } from '../manual-commit-consumer';
import { FakeConsumer } from './fake-consumer';
import { FakeProducer } from './fake-producer';

/** The process's Kafka client in a test: every producer and consumer it made, with the config it got. */
export class FakeKafka implements ConsumerFactory, ManualCommitConsumerFactory {
  readonly producers: FakeProducer[] = [];
  readonly producerConfigs: (ProducerConfig | undefined)[] = [];
  readonly consumers: FakeConsumer[] = [];
  readonly consumerConfigs: ConsumerConfig[] = [];

  producer(config?: ProducerConfig): FakeProducer {
    const producer = new FakeProducer(config);
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

  /** The last consumer made for `groupId`. */
  consumerOf(groupId: string): FakeConsumer | undefined {
    const index = this.consumerConfigs.findLastIndex((config) => config.groupId === groupId);
    return this.consumers[index];
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
