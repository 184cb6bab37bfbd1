import type { Metrics } from '@metrochain/service-kit';
import type { StatsObserver } from './measurement-stats';

export const READINGS_METRIC = 'metrochain_measurement_readings_total';
export const REJECTED_METRIC = 'metrochain_measurement_readings_rejected_total';
export const LR_NOT_APPROVED_METRIC = 'metrochain_measurement_lr_not_approved_total';

/**
 * The measurement counters of /metrics: readings by outcome (accepted by ingest, taken in as verified, recorded,
 * rejected), rejections by reason code, fed by MeasurementStats as it counts.
 */
export function measurementStatsObserver(metrics: Metrics): StatsObserver {
  const readings = metrics.counter({
    name: READINGS_METRIC,
    help: 'Readings by outcome: accepted at ingest, verified (taken in by the recorder), recorded, rejected',
    labelNames: ['outcome'],
  });
  const rejected = metrics.counter({
    name: REJECTED_METRIC,
    help: 'Rejected readings by reason code (verification and ledger stage)',
    labelNames: ['reason'],
  });
  for (const outcome of ['accepted', 'verified', 'recorded', 'rejected']) {
    readings.inc({ outcome }, 0);
  }
  return (counter, count, reasons) => {
    readings.inc({ outcome: counter }, count);
    if (counter === 'rejected') {
      for (const reason of reasons ?? Array<string>(count).fill('UNKNOWN')) {
        rejected.inc({ reason });
      }
    }
  };
}

/** Batches the measurement contract refused with LR_NOT_APPROVED, as LrApprovalHold counts them. */
export function lrNotApprovedCounter(metrics: Metrics, refusals: () => number): void {
  const counter = metrics.counter({
    name: LR_NOT_APPROVED_METRIC,
    help: 'Submissions of reading batches the measurement contract refused with LR_NOT_APPROVED (held, retried)',
    collect: () => {
      counter.reset();
      counter.inc(refusals());
    },
  });
}
