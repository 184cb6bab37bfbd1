import { Logger, Module } from '@nestjs/common';
import { LEDGER_CONNECTION, type LedgerConnection, MeasurementClient } from '@metrochain/ledger';
import {
  ConfirmedProducer,
  EventProducer,
  type KafkaClient,
  ManualCommitConsumer,
  PIPELINE_FETCH_CONFIG,
} from '@metrochain/messaging';
import {
  KAFKA_CLIENT,
  Metrics,
  ReadinessService,
  SERVICE_CONTEXT,
  type ServiceContext,
  mspIdOf,
} from '@metrochain/service-kit';
import type { MeasurementConfig } from '../config/measurement.config';
import { lrNotApprovedCounter } from '../stats/measurement-metrics';
import { MeasurementStats } from '../stats/measurement-stats';
import { StatsModule } from '../stats/stats.module';
import { RedisStatusStore } from '../status/redis-status-store';
import { StatusModule } from '../status/status.module';
import { BatchRecorder } from './batch-recorder';
import { LrApprovalHold } from './lr-approval-hold';
import type { MeasurementLedger } from './measurement-ledger';
import { RECORDER_GROUP_ID, RecorderConsumer } from './recorder-consumer';
import { RecorderHost } from './recorder.host';
import { VERIFIED_TOPIC, VerifiedIntake } from './verified-intake';

const logger = new Logger('Recorder');

/** The measurement contract through this service's own identity. */
export const MEASUREMENT_LEDGER = 'MEASUREMENT_LEDGER';

/** readings.verified.v1 → measurement.recordBatch → measurements.recorded.v1 / readings.rejected.v1, statuses. */
@Module({
  imports: [StatusModule, StatsModule],
  providers: [
    {
      provide: MEASUREMENT_LEDGER,
      useFactory: (connection: LedgerConnection): MeasurementLedger =>
        MeasurementClient.forConnection(connection),
      inject: [LEDGER_CONNECTION],
    },
    {
      provide: LrApprovalHold,
      useFactory: (readiness: ReadinessService, metrics: Metrics): LrApprovalHold => {
        const hold = new LrApprovalHold();
        readiness.addDegradationSource(() => hold.degradation());
        lrNotApprovedCounter(metrics, () => hold.refusals);
        return hold;
      },
      inject: [ReadinessService, Metrics],
    },
    {
      provide: BatchRecorder,
      useFactory: (
        context: ServiceContext<MeasurementConfig>,
        ledger: MeasurementLedger,
        producer: EventProducer,
        statuses: RedisStatusStore,
        stats: MeasurementStats,
        hold: LrApprovalHold,
      ): BatchRecorder =>
        new BatchRecorder({
          ledger,
          producer,
          statuses,
          stats,
          hold,
          rejectedBy: mspIdOf(context),
          onRetry: (step, error, attempt) => {
            if (attempt === 1 || attempt % 10 === 0) {
              logger.warn(`${step} failed (attempt ${attempt}), retrying: ${String(error)}`);
            }
          },
        }),
      inject: [
        SERVICE_CONTEXT,
        MEASUREMENT_LEDGER,
        EventProducer,
        RedisStatusStore,
        MeasurementStats,
        LrApprovalHold,
      ],
    },
    {
      provide: RecorderHost,
      useFactory: (
        context: ServiceContext<MeasurementConfig>,
        kafka: KafkaClient,
        recorder: BatchRecorder,
        stats: MeasurementStats,
      ): RecorderHost =>
        new RecorderHost(
          new RecorderConsumer({
            consumer: new ManualCommitConsumer({
              kafka,
              topic: VERIFIED_TOPIC,
              groupId: RECORDER_GROUP_ID,
              fromBeginning: true,
              partitionsConsumedConcurrently: context.config.recorderConcurrency,
              fetch: PIPELINE_FETCH_CONFIG,
              onConsumerReplaced: (reason) => {
                logger.warn(
                  `replaced the stuck recorder consumer (${reason}); it resumes from the last commit`,
                );
              },
            }),
            intake: new VerifiedIntake(new ConfirmedProducer(kafka)),
            recorder,
            stats,
            batchMaxSize: context.config.batchMaxSize,
            batchMaxAgeMs: context.config.batchMaxAgeMs,
            onCommitFailure: (partition, error) => {
              logger.warn(
                `offset commit of partition ${partition} failed; it is tried again: ${String(error)}`,
              );
            },
            onBatchFailure: (partition, error) => {
              logger.warn(
                `partition ${partition} stopped; it is consumed again after restart: ${String(error)}`,
              );
            },
          }),
        ),
      inject: [SERVICE_CONTEXT, KAFKA_CLIENT, BatchRecorder, MeasurementStats],
    },
  ],
})
export class RecorderModule {}
