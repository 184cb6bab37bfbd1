import { type Producer, type ProducerConfig, Partitioners } from 'kafkajs';
import { rememberKeyPartitions } from './key-partitioner';

/** The part of a kafkajs producer this library uses; a `Kafka` client satisfies `ProducerFactory`. */
export type ProducerPort = Pick<Producer, 'connect' | 'disconnect' | 'send'>;

export interface ProducerFactory {
  producer(config?: ProducerConfig): ProducerPort;
}

/** acks = all in-sync replicas; idempotence requires it. */
export const ACKS_ALL = -1;

// Idempotence with one request in flight means broker-side retries can neither duplicate nor reorder the records
// of a partition. Topics are created deliberately (ensureTopics), never as a side effect of a typo'd publish. The
// Java-compatible partitioner keeps a meter on the same partition whichever client produced it; remembering each
// key's partition only spares recomputing it.
export const IDEMPOTENT_PRODUCER_CONFIG: Readonly<ProducerConfig> = Object.freeze({
  idempotent: true,
  maxInFlightRequests: 1,
  allowAutoTopicCreation: false,
  createPartitioner: rememberKeyPartitions(Partitioners.DefaultPartitioner),
});
