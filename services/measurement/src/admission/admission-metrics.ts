import type { Metrics } from '@metrochain/service-kit';
import type { IngestAdmission } from './ingest-admission';

export const IN_FLIGHT_METRIC = 'metrochain_measurement_in_flight';
export const MAX_IN_FLIGHT_METRIC = 'metrochain_measurement_admission_max_in_flight';
export const REFUSED_METRIC = 'metrochain_measurement_admission_refused_total';

/** Admission control on /metrics: the in-flight estimate (NaN while unknown), its bound, and the refusals. */
export function admissionMetrics(metrics: Metrics, admission: Pick<IngestAdmission, 'snapshot'>): void {
  metrics.gauge({
    name: IN_FLIGHT_METRIC,
    help: 'Readings accepted and not yet recorded or rejected (Kafka lag of verification and recorder), estimated',
    collect() {
      this.set(admission.snapshot().inFlight ?? Number.NaN);
    },
  });
  metrics.gauge({
    name: MAX_IN_FLIGHT_METRIC,
    help: 'Readings in flight at which ingest refuses with 503 INGEST_OVERLOADED now (drain rate × latency budget)',
    collect() {
      this.set(admission.snapshot().maxInFlight);
    },
  });
  const refused = metrics.counter({
    name: REFUSED_METRIC,
    help: 'Ingest refused with 503 INGEST_OVERLOADED, in requests and in readings',
    labelNames: ['unit'],
    collect: () => {
      const snapshot = admission.snapshot();
      refused.reset();
      refused.inc({ unit: 'requests' }, snapshot.refusedRequests);
      refused.inc({ unit: 'readings' }, snapshot.refusedReadings);
    },
  });
}
