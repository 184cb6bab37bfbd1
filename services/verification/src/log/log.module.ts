import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { LEDGER_CONNECTION, type LedgerConnection, RegistryClient } from '@metrochain/ledger';
import { EventProducer } from '@metrochain/messaging';
import { REDIS_CLIENT, SERVICE_CONTEXT, type ServiceContext } from '@metrochain/service-kit';
import type { Redis } from 'ioredis';
import type { VerificationConfig } from '../config/verification.config';
import { KafkaRecordPublisher } from './kafka-record-publisher';
import { LedgerAnchorer } from './ledger-anchorer';
import { RedisLogStore } from './redis-log-store';
import { VerificationBatchReader } from './verification-batch-reader';
import { VerificationBatchesController } from './verification-batches.controller';
import { VerificationLog } from './verification-log';

const logger = new Logger('VerificationLog');

/** Seals what a previous process left open once the application starts; flushes before Kafka and Redis close. */
@Injectable()
class VerificationLogLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly #log: VerificationLog;

  constructor(@Inject(VerificationLog) log: VerificationLog) {
    this.#log = log;
  }

  onApplicationBootstrap(): void {
    // In the background: a ledger outage at start must not keep the API from answering.
    void this.#log.recover().then(
      (batchIds) => {
        if (batchIds.length > 0) {
          logger.log(`sealed ${String(batchIds.length)} batch(es) left open by the previous process`);
        }
      },
      // Unhandled, the rejection (Redis down, or stop() giving up) would kill the process.
      (error: unknown) => {
        logger.error(`batches left open stay open for the next start: ${String(error)}`);
      },
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.#log.stop();
  }
}

/** The verification log: Redis for the records, the ledger for the batch roots, Kafka for the stream. */
@Module({
  controllers: [VerificationBatchesController],
  providers: [
    {
      provide: VerificationBatchReader,
      useFactory: (redis: Redis): VerificationBatchReader =>
        new VerificationBatchReader(new RedisLogStore(redis)),
      inject: [REDIS_CLIENT],
    },
    {
      provide: VerificationLog,
      useFactory: (
        context: ServiceContext<VerificationConfig>,
        redis: Redis,
        connection: LedgerConnection,
        producer: EventProducer,
      ): VerificationLog =>
        new VerificationLog({
          store: new RedisLogStore(redis, context.config.logRetentionSeconds),
          anchorer: new LedgerAnchorer(RegistryClient.forConnection(connection)),
          publisher: new KafkaRecordPublisher(producer),
          instanceId: context.config.instanceId,
          batchMaxSize: context.config.batchMaxSize,
          batchMaxAgeMs: context.config.batchMaxAgeMs,
          retry: {
            onRetry: (error, attempt) => {
              if (attempt === 1 || attempt % 10 === 0) {
                logger.warn(
                  `sealing a batch failed (attempt ${String(attempt)}), retrying: ${String(error)}`,
                );
              }
            },
          },
          onSealFailure: (batchId, error) => {
            logger.error(`batch ${batchId} stays open for the next start: ${String(error)}`);
          },
        }),
      inject: [SERVICE_CONTEXT, REDIS_CLIENT, LEDGER_CONNECTION, EventProducer],
    },
    VerificationLogLifecycle,
  ],
  exports: [VerificationLog],
})
export class LogModule {}
