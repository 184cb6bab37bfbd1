import { Logger, Module } from '@nestjs/common';
import { PIPELINE_GROUPS } from '@metrochain/contracts';
import { EventConsumer, EventProducer, type KafkaClient, PIPELINE_FETCH_CONFIG } from '@metrochain/messaging';
import { ConsumerHost, KAFKA_CLIENT } from '@metrochain/service-kit';
import { VerificationEngine } from '../verify/verification.engine';
import { VerifyModule } from '../verify/verify.module';
import { ReadingVerifier } from './reading-verifier';

/** Consumer group shared by every verification instance: each reading is verified once. */
export const READINGS_GROUP_ID = PIPELINE_GROUPS.verification.groupId;

class ReceivedReadingsConsumer extends ConsumerHost<'readings.received.v1'> {}

/** readings.received.v1 → check and log → readings.verified.v1 or readings.rejected.v1. */
@Module({
  imports: [VerifyModule],
  providers: [
    {
      provide: ReceivedReadingsConsumer,
      useFactory: (
        kafka: KafkaClient,
        engine: VerificationEngine,
        producer: EventProducer,
      ): ReceivedReadingsConsumer => {
        const verifier = new ReadingVerifier(engine, producer);
        return new ReceivedReadingsConsumer(
          new EventConsumer({
            kafka,
            topic: 'readings.received.v1',
            groupId: READINGS_GROUP_ID,
            fromBeginning: true,
            // A ledger or Redis outage of a minute must not send readings to the dead-letter topic.
            maxAttempts: 30,
            partitionsConsumedConcurrently: 6,
            maxBatchSize: 500,
            fetch: PIPELINE_FETCH_CONFIG,
            onConsumerReplaced: (reason) => {
              new Logger('Verification').warn(`replaced the stuck readings consumer (${reason})`);
            },
          }),
          {
            batches: (events) =>
              verifier.handleBatch(
                events.map((event) => ({
                  value: event.value,
                  metadata: event.trace === undefined ? {} : { trace: event.trace },
                })),
              ),
          },
        );
      },
      inject: [KAFKA_CLIENT, VerificationEngine, EventProducer],
    },
  ],
})
export class PipelineModule {}
