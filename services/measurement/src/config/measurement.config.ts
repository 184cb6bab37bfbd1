import { type Environment, loadConfig } from '@metrochain/config';
import { MAX_RECORD_BATCH } from '@metrochain/contracts';
import { type PlatformConfig, platformEnvSchema, toPlatformConfig } from '@metrochain/service-kit';
import { z } from 'zod';

export const MEASUREMENT_DEFAULT_PORT = 3003;

/** The service's own settings besides the platform's. */
export interface MeasurementSettings {
  /** A ledger batch closes when it holds this many readings … */
  batchMaxSize: number;
  /** … or this long after its oldest reading arrived, whichever comes first. */
  batchMaxAgeMs: number;
  /** Partitions of `readings.verified.v1` the recorder takes in at once (each still has one batch in flight). */
  recorderConcurrency: number;
  /** How long a reading's status is kept after its last change. */
  statusTtlSeconds: number;
  /** Readings one meter may have accepted per window (429 beyond); bursts after an outage fit within it. */
  meterLimit: { readings: number; windowMs: number };
  /**
   * Admission control (503 INGEST_OVERLOADED): the in-flight bound is the drain rate × `latencyBudgetMs`, within
   * `minInFlight` and `maxInFlight`.
   */
  admission: { maxInFlight: number; minInFlight: number; latencyBudgetMs: number };
}

export type MeasurementConfig = PlatformConfig & MeasurementSettings;

const positiveInt = z.coerce.number().int().positive();

const SEVEN_DAYS_S = 7 * 24 * 3600;

/**
 * The admission's latency budget, by Little's law: a reading spends on average in flight ÷ drain rate in the
 * pipeline. The overload bench (bench/results/pipeline.json) measured that mean (fixed bound 800 at 234 readings/s
 * recorded: 3.4 s; commit p50 3.4 s) and a p99 2.0–2.4 times it (8.0 s; bound 500 at 182/s: 5.5 s), the partitions
 * and batches being uneven. A commit p99 of at most 5 s thus needs in-flight ÷ drain rate ≤ 5 s ÷ 2.4 ≈ 2.1 s; 1.75 s
 * leaves a margin. Where the pipeline's own latency exceeds the budget, ingest refuses below saturation: that is
 * where the latency promise breaks (docs/measurement.md, Admission control: measured).
 */
export const DEFAULT_ADMISSION_LATENCY_BUDGET_MS = 1_750;
/**
 * The bound's floor: a burst on an idle (or stalled) pipeline, whose drain rate reads 0, still gets this far (a
 * request is admitted whole while in-flight is below the bound, so even a 500-reading batch). On a slow host it also
 * lets the latency exceed the budget: with 400, a host draining 121/s held 3.3 s on average (commit p99 7.6 s); with
 * 200 it drained 95/s at p99 4.8 s, so 200. Session 23 had put it back to 400 after 200 deadlocked in CI: after a
 * broker kill the recorder's offset commits failed, nothing later committed past them, the lag read 255 for readings
 * long recorded, and ingest refused everything for good. A failed commit is now tried again until it holds or the
 * consumer is replaced (ManualCommitConsumer), so a stale lag clears (docs/measurement.md, Admission control).
 */
export const DEFAULT_ADMISSION_MIN_IN_FLIGHT = 200;
/** The bound's ceiling: 5.5 times the 730 readings/s this host records unshared, × the budget. */
export const DEFAULT_ADMISSION_MAX_IN_FLIGHT = 4_000;

const measurementEnvSchema = platformEnvSchema({ defaultPort: MEASUREMENT_DEFAULT_PORT }).extend({
  MEASUREMENT_BATCH_MAX_SIZE: positiveInt.max(MAX_RECORD_BATCH).default(MAX_RECORD_BATCH),
  MEASUREMENT_BATCH_MAX_AGE_MS: positiveInt.max(60_000).default(50),
  MEASUREMENT_RECORDER_CONCURRENCY: positiveInt.max(256).default(6),
  MEASUREMENT_STATUS_TTL_S: positiveInt
    .min(60)
    .max(90 * 24 * 3600)
    .default(SEVEN_DAYS_S),
  MEASUREMENT_METER_LIMIT_READINGS: positiveInt.max(1_000_000).default(500),
  MEASUREMENT_METER_LIMIT_WINDOW_MS: positiveInt.min(1_000).max(3_600_000).default(10_000),
  MEASUREMENT_ADMISSION_MAX_IN_FLIGHT: positiveInt.max(10_000_000).default(DEFAULT_ADMISSION_MAX_IN_FLIGHT),
  MEASUREMENT_ADMISSION_MIN_IN_FLIGHT: positiveInt.max(10_000_000).default(DEFAULT_ADMISSION_MIN_IN_FLIGHT),
  MEASUREMENT_ADMISSION_LATENCY_BUDGET_MS: positiveInt
    .min(100)
    .max(600_000)
    .default(DEFAULT_ADMISSION_LATENCY_BUDGET_MS),
});

export const measurementConfigSchema = measurementEnvSchema.transform((env): MeasurementConfig => ({
  ...toPlatformConfig(env),
  batchMaxSize: env.MEASUREMENT_BATCH_MAX_SIZE,
  batchMaxAgeMs: env.MEASUREMENT_BATCH_MAX_AGE_MS,
  recorderConcurrency: env.MEASUREMENT_RECORDER_CONCURRENCY,
  statusTtlSeconds: env.MEASUREMENT_STATUS_TTL_S,
  meterLimit: {
    readings: env.MEASUREMENT_METER_LIMIT_READINGS,
    windowMs: env.MEASUREMENT_METER_LIMIT_WINDOW_MS,
  },
  admission: {
    maxInFlight: env.MEASUREMENT_ADMISSION_MAX_IN_FLIGHT,
    minInFlight: env.MEASUREMENT_ADMISSION_MIN_IN_FLIGHT,
    latencyBudgetMs: env.MEASUREMENT_ADMISSION_LATENCY_BUDGET_MS,
  },
}));

/** Validates the environment once at start-up; throws CONFIG_INVALID naming every bad variable. */
export function loadMeasurementConfig(env: Environment = process.env): MeasurementConfig {
  return loadConfig(measurementConfigSchema, env);
}
