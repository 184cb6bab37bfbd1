import { Inject, Logger, Module, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { GroupLagAdminPort } from '@metrochain/messaging';
import { KAFKA_ADMIN, Metrics, SERVICE_CONTEXT, type ServiceContext } from '@metrochain/service-kit';
import type { MeasurementConfig } from '../config/measurement.config';
import { admissionMetrics } from './admission-metrics';
import { IngestAdmission } from './ingest-admission';
import { KafkaLagSource } from './kafka-lag-source';

const logger = new Logger('Admission');

/** Admission control of ingest: the in-flight bound, read from Kafka in the background. */
@Module({
  providers: [
    {
      provide: IngestAdmission,
      useFactory: (
        admin: GroupLagAdminPort,
        context: ServiceContext<MeasurementConfig>,
        metrics: Metrics,
      ): IngestAdmission => {
        let loggedAt = Number.NEGATIVE_INFINITY;
        const admission = new IngestAdmission({
          source: new KafkaLagSource(admin),
          ...context.config.admission,
          onPollFailure: (error) => {
            // The poll runs twice a second: one line per half minute says enough.
            if (Date.now() - loggedAt > 30_000) {
              loggedAt = Date.now();
              logger.warn(`pipeline lag unreadable, admitting without a bound until it is: ${String(error)}`);
            }
          },
        });
        admissionMetrics(metrics, admission);
        return admission;
      },
      inject: [KAFKA_ADMIN, SERVICE_CONTEXT, Metrics],
    },
  ],
  exports: [IngestAdmission],
})
export class AdmissionModule implements OnModuleInit, OnModuleDestroy {
  readonly #admission: IngestAdmission;

  constructor(@Inject(IngestAdmission) admission: IngestAdmission) {
    this.#admission = admission;
  }

  onModuleInit(): void {
    this.#admission.start();
  }

  onModuleDestroy(): void {
    this.#admission.stop();
  }
}
