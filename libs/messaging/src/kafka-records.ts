// The kafkajs record types that cross this library's API, so that services name them without importing kafkajs.
export type { KafkaMessage, Message, ProducerRecord, RecordMetadata } from 'kafkajs';
