import type { FactoryProvider } from '@nestjs/common';
import { DomainError } from '@metrochain/errors';
import { TOPIC_NAMES } from '@metrochain/contracts';
import { KAFKA_TOPIC_LAYOUT } from '@metrochain/deployment';
import { EventProducer, MessagingErrorCode, createKafkaClient, ensureTopics } from '@metrochain/messaging';
import type { Admin, Kafka } from 'kafkajs';
import type { PlatformConfig } from '../config/platform-config';
import { KAFKA_ADMIN, KAFKA_CLIENT, SERVICE_CONTEXT } from '../platform.tokens';
import type { ServiceContext } from '../service-context';
import { kafkaLogCreator } from './kafka-log-creator';

/** The process's one kafkajs client; producers, consumers and the admin all come from it. */
export const kafkaClientProvider: FactoryProvider<Kafka> = {
  provide: KAFKA_CLIENT,
  useFactory: (context: ServiceContext<PlatformConfig>): Kafka =>
    createKafkaClient({
      clientId: `metrochain-${context.serviceName}`,
      brokers: context.profile.kafka.brokers,
      logCreator: kafkaLogCreator,
    }),
  inject: [SERVICE_CONTEXT],
};

/** The service's producer, connected before the application serves requests. */
export const eventProducerProvider: FactoryProvider<EventProducer> = {
  provide: EventProducer,
  useFactory: async (kafka: Kafka): Promise<EventProducer> => {
    const producer = new EventProducer({ kafka });
    await connectOrFail('producer', () => producer.connect());
    return producer;
  },
  inject: [KAFKA_CLIENT],
};

/**
 * A connected admin for the readiness probe, which first makes sure every catalogued topic and its dead-letter
 * topic exist (idempotent; services may start in any order, and a consumer cannot subscribe to a missing topic).
 */
export const kafkaAdminProvider: FactoryProvider<Admin> = {
  provide: KAFKA_ADMIN,
  useFactory: async (kafka: Kafka, context: ServiceContext<PlatformConfig>): Promise<Admin> => {
    const admin = kafka.admin();
    await connectOrFail('admin', () => admin.connect());
    await connectOrFail('admin (topics)', async () => {
      await ensureTopics(admin, TOPIC_NAMES, {
        // The layout the KafkaTopics of k8s/kafka declare too (libs/deployment).
        partitions: KAFKA_TOPIC_LAYOUT.partitions,
        replicationFactor: Math.min(
          KAFKA_TOPIC_LAYOUT.replicationFactor,
          context.profile.kafka.brokers.length,
        ),
      });
    });
    return admin;
  },
  inject: [KAFKA_CLIENT, SERVICE_CONTEXT],
};

async function connectOrFail(what: string, connect: () => Promise<void>): Promise<void> {
  try {
    await connect();
  } catch (error) {
    throw new DomainError<MessagingErrorCode>({
      code: MessagingErrorCode.KAFKA_UNAVAILABLE,
      message: `Kafka ${what} could not connect: ${error instanceof Error ? error.message : String(error)}`,
      retriable: true,
      cause: error,
    });
  }
}
