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
  /** Readings accepted and not yet recorded or rejected at which ingest refuses (503 INGEST_OVERLOADED). */
  admissionMaxInFlight: number;
}

export type MeasurementConfig = PlatformConfig & MeasurementSettings;

const positiveInt = z.coerce.number().int().positive();

const SEVEN_DAYS_S = 7 * 24 * 3600;

/**
 * The default in-flight bound, by Little's law: a reading spends on average in flight ÷ drain rate in the pipeline.
 * The overload bench (bench/results/pipeline.json) measured that mean exactly (bound 800 at 234 readings/s
 * recorded: commit p50 3.4 s = 800 / 234) and a p99 about 2.4 times it (8.0 s), the partitions and batches being
 * uneven. A commit p99 of at most 5 s thus needs bound ÷ S ≤ 5 s ÷ 2.4 ≈ 2.1 s at the saturation rate S; with
 * S ≈ 730 readings/s (`readingsPerSecond`, this host when it is not shared) that is ≈ 1,500. A slower host needs
 * less (the loaded runs of the bench: S ≈ 240/s), a larger one more: MEASUREMENT_ADMISSION_MAX_IN_FLIGHT.
 */
export const DEFAULT_ADMISSION_MAX_IN_FLIGHT = 1_500;

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
  admissionMaxInFlight: env.MEASUREMENT_ADMISSION_MAX_IN_FLIGHT,
}));

/** Validates the environment once at start-up; throws CONFIG_INVALID naming every bad variable. */
export function loadMeasurementConfig(env: Environment = process.env): MeasurementConfig {
  return loadConfig(measurementConfigSchema, env);
}
