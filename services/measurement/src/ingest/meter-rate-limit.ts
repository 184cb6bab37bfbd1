import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Reading } from '@metrochain/contracts';
import { MeasurementErrorCode, measurementError } from '../http/measurement-error';

/** How many readings one meter may have accepted per window, whoever posts them. */
export interface MeterLimitSettings {
  readings: number;
  windowMs: number;
}

/**
 * Per-meter ingest limits on the platform's throttler storage (@nestjs/throttler), beside the per-client limit
 * the platform puts on every write: a meter posting far more than it can measure is refused with 429
 * RATE_LIMITED and Retry-After, and nothing of the request is accepted. Counts are per service instance.
 */
export class MeterRateLimit {
  readonly #storage: ThrottlerStorage;
  readonly #settings: MeterLimitSettings;

  constructor(storage: ThrottlerStorage, settings: Readonly<MeterLimitSettings>) {
    this.#storage = storage;
    this.#settings = settings;
  }

  async admit(readings: readonly Pick<Reading, 'meterId'>[]): Promise<void> {
    const { readings: limit, windowMs } = this.#settings;
    for (const reading of readings) {
      const record = await this.#storage.increment(
        `meter:${reading.meterId}`,
        windowMs,
        limit,
        windowMs,
        'meter',
      );
      if (record.isBlocked) {
        throw measurementError(
          MeasurementErrorCode.RATE_LIMITED,
          `meter ${reading.meterId} posted more than ${limit} readings in ${windowMs} ms; nothing was accepted`,
          { details: { retryAfterSeconds: Math.max(1, record.timeToBlockExpire) } },
        );
      }
    }
  }
}
