import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { isDomainError } from '@metrochain/errors';
import { loadMeasurementConfig } from './measurement.config';

// Validation of the shared settings is tested once, in libs/service-kit; here only this service's own.
describe('measurement config', () => {
  it('defaults to port 3003, PTB, the devnet connection file, 500 readings or 50 ms per batch, 7 days', () => {
    const config = loadMeasurementConfig({});
    assert.equal(config.port, 3003);
    assert.equal(config.org, 'PTB');
    assert.equal(config.logLevel, 'info');
    assert.ok(config.networkFile.endsWith(path.join('.devnet', 'network.json')));
    assert.equal(config.batchMaxSize, 500);
    assert.equal(config.batchMaxAgeMs, 50);
    assert.equal(config.recorderConcurrency, 6);
    assert.equal(config.statusTtlSeconds, 604_800);
  });

  it('reads the batch bounds, the concurrency and the status TTL from the environment', () => {
    const config = loadMeasurementConfig({
      MEASUREMENT_BATCH_MAX_SIZE: '120',
      MEASUREMENT_BATCH_MAX_AGE_MS: '250',
      MEASUREMENT_RECORDER_CONCURRENCY: '12',
      MEASUREMENT_STATUS_TTL_S: '3600',
    });
    assert.equal(config.batchMaxSize, 120);
    assert.equal(config.batchMaxAgeMs, 250);
    assert.equal(config.recorderConcurrency, 12);
    assert.equal(config.statusTtlSeconds, 3600);
  });

  it('refuses a batch larger than the contract takes and a zero age, naming both', () => {
    assert.throws(
      () => loadMeasurementConfig({ MEASUREMENT_BATCH_MAX_SIZE: '501', MEASUREMENT_BATCH_MAX_AGE_MS: '0' }),
      (error: unknown) =>
        isDomainError(error) &&
        error.code === 'CONFIG_INVALID' &&
        error.message.includes('MEASUREMENT_BATCH_MAX_SIZE') &&
        error.message.includes('MEASUREMENT_BATCH_MAX_AGE_MS'),
    );
  });
});
