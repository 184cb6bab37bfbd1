import type { FactoryProvider } from '@nestjs/common';
import { DomainError } from '@metrochain/errors';
import { EventProducer, MessagingErrorCode, createKafkaClient } from '@metrochain/messaging';
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

/** A connected admin for the readiness probe (and topic set-up). */
export const kafkaAdminProvider: FactoryProvider<Admin> = {
  provide: KAFKA_ADMIN,
  useFactory: async (kafka: Kafka): Promise<Admin> => {
    const admin = kafka.admin();
    await connectOrFail('admin', () => admin.connect());
    return admin;
  },
  inject: [KAFKA_CLIENT],
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
