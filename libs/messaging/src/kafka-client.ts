import { Kafka, type KafkaConfig, logLevel as KafkaLogLevel } from 'kafkajs';
import { stopKafkajsIdleLoop } from './kafkajs-idle-loop';

export interface KafkaClientOptions {
  clientId: string;
  brokers: readonly string[];
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Defaults to WARN: kafkajs logs every group join and rebalance at INFO. */
  logLevel?: KafkaLogLevel;
  logCreator?: KafkaConfig['logCreator'];
}

/** The process's Kafka client as services pass it around: the factory of its producers, consumers and admin. */
export type KafkaClient = Kafka;

export const DEFAULT_KAFKA_CONNECTION_TIMEOUT_MS = 3_000;
export const DEFAULT_KAFKA_REQUEST_TIMEOUT_MS = 30_000;

/** One client per process; producers, consumers and the admin of a service all come from it. */
export function createKafkaClient(options: Readonly<KafkaClientOptions>): KafkaClient {
  stopKafkajsIdleLoop();
  return new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    connectionTimeout: options.connectionTimeoutMs ?? DEFAULT_KAFKA_CONNECTION_TIMEOUT_MS,
    requestTimeout: options.requestTimeoutMs ?? DEFAULT_KAFKA_REQUEST_TIMEOUT_MS,
    logLevel: options.logLevel ?? KafkaLogLevel.WARN,
    ...(options.logCreator === undefined ? {} : { logCreator: options.logCreator }),
  });
}
