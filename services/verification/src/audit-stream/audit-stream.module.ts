import { randomUUID } from 'node:crypto';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Module,
  type OnModuleInit,
} from '@nestjs/common';
import { EventConsumer } from '@metrochain/messaging';
import { ConsumerHost, KAFKA_CLIENT, SERVICE_CONTEXT, type ServiceContext } from '@metrochain/service-kit';
import type { Kafka } from 'kafkajs';
import type { VerificationConfig } from '../config/verification.config';
import { AUDITOR_TOKENS, AuditorStreamController } from './auditor-stream.controller';
import { StreamHub } from './stream-hub';

const KEEP_ALIVE_MS = 15_000;

/** Feeds the hub from `verifications.v1` in a group of its own, so every instance streams every outcome. */
class VerificationFeed extends ConsumerHost<'verifications.v1'> {}

@Injectable()
class StreamLifecycle implements OnModuleInit, BeforeApplicationShutdown {
  readonly #hub: StreamHub;
  #timer: NodeJS.Timeout | undefined;

  constructor(@Inject(StreamHub) hub: StreamHub) {
    this.#hub = hub;
  }

  onModuleInit(): void {
    this.#timer = setInterval(() => {
      this.#hub.keepAlive();
    }, KEEP_ALIVE_MS).unref();
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.#timer);
    this.#hub.close();
  }
}

/** The auditors' server-sent-events stream of verification outcomes. */
@Module({
  controllers: [AuditorStreamController],
  providers: [
    { provide: StreamHub, useValue: new StreamHub() },
    {
      provide: AUDITOR_TOKENS,
      useFactory: (context: ServiceContext<VerificationConfig>) => context.config.auditorTokens,
      inject: [SERVICE_CONTEXT],
    },
    {
      provide: VerificationFeed,
      useFactory: (
        context: ServiceContext<VerificationConfig>,
        kafka: Kafka,
        hub: StreamHub,
      ): VerificationFeed =>
        new VerificationFeed(
          new EventConsumer({
            kafka,
            topic: 'verifications.v1',
            // New each start: a stream shows what happens from now on; history is the topic itself.
            groupId: `verification-stream-${context.config.instanceId}-${randomUUID().slice(0, 8)}`,
          }),
          (event) => {
            hub.publish(event.value);
            return Promise.resolve();
          },
        ),
      inject: [SERVICE_CONTEXT, KAFKA_CLIENT, StreamHub],
    },
    StreamLifecycle,
  ],
})
export class AuditStreamModule {}
