import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { DomainError } from '@metrochain/errors';
import { MeterRateLimit } from './meter-rate-limit';

describe('MeterRateLimit', () => {
  const storage = new ThrottlerStorageService();
  afterEach(() => {
    storage.onApplicationShutdown();
  });

  it('admits a meter up to its limit, then refuses with RATE_LIMITED and a Retry-After; other meters go on', async () => {
    const limit = new MeterRateLimit(storage, { readings: 3, windowMs: 60_000 });
    await limit.admit([{ meterId: 'meter-1' }, { meterId: 'meter-1' }]);
    await limit.admit([{ meterId: 'meter-1' }]);
    await assert.rejects(
      limit.admit([{ meterId: 'meter-2' }, { meterId: 'meter-1' }]),
      (error: unknown) =>
        error instanceof DomainError &&
        error.code === 'RATE_LIMITED' &&
        typeof error.details['retryAfterSeconds'] === 'number' &&
        error.details['retryAfterSeconds'] >= 1,
    );
    await limit.admit([{ meterId: 'meter-3' }]);
  });
});
