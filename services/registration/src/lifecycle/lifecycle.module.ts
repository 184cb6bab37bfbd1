import { randomUUID } from 'node:crypto';
import { Logger, Module } from '@nestjs/common';
import { LEDGER_CONNECTION, type LedgerConnection, RegistryClient } from '@metrochain/ledger';
import { EventProducer, type KafkaClient } from '@metrochain/messaging';
import { KAFKA_CLIENT, REDIS_CLIENT, SERVICE_CONTEXT, type ServiceContext } from '@metrochain/service-kit';
import type { Redis } from 'ioredis';
import { ownMspId } from '../config/own-msp';
import type { RegistrationConfig } from '../config/registration.config';
import { ledgerEventSource } from './ledger-event-source';
import { lifecycleMessagesOf } from './lifecycle-message';
import { LifecyclePublisher } from './lifecycle-publisher';
import { LifecyclePublisherHost } from './lifecycle-publisher.host';
import { LifecycleController } from './lifecycle.controller';
import { RedisLease } from './publisher-lease';
import { KafkaTopicTail, LIFECYCLE_TOPIC } from './topic-tail.reader';

/** Header naming the instance that published a lifecycle message, for whoever has to trace a takeover. */
export const PUBLISHER_HEADER = 'x-metrochain-publisher';

function newPublisherHost(
  context: ServiceContext<RegistrationConfig>,
  redis: Redis,
  kafka: KafkaClient,
  producer: EventProducer,
  connection: LedgerConnection,
): LifecyclePublisherHost {
  const { enabled, instanceId, leaseTtlMs } = context.config.lifecycle;
  const registry = RegistryClient.forConnection(connection);
  const logger = new Logger('LifecyclePublisher');
  const publisher = new LifecyclePublisher({
    lease: new RedisLease({ redis, holder: `${instanceId}/${randomUUID()}`, ttlMs: leaseTtlMs }),
    tail: new KafkaTopicTail({ kafka }),
    events: ledgerEventSource(connection.network, context.profile.chaincode),
    toMessages: (event) => lifecycleMessagesOf(event, registry),
    publish: async (message) => {
      await producer.publish(LIFECYCLE_TOPIC, message.meterId, message, {
        headers: { [PUBLISHER_HEADER]: instanceId },
      });
    },
    log: {
      info: (message) => {
        logger.log(message);
      },
      warn: (message) => {
        logger.warn(message);
      },
    },
  });
  return new LifecyclePublisherHost({ publisher, enabled, instanceId, msp: ownMspId(context) });
}

/** Registry chaincode events → `meter.lifecycle.v1`, published by one registration instance at a time. */
@Module({
  controllers: [LifecycleController],
  providers: [
    {
      provide: LifecyclePublisherHost,
      useFactory: newPublisherHost,
      inject: [SERVICE_CONTEXT, REDIS_CLIENT, KAFKA_CLIENT, EventProducer, LEDGER_CONNECTION],
    },
  ],
})
export class LifecycleModule {}
