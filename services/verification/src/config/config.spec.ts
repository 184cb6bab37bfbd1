import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { isDomainError } from '@metrochain/errors';
import { defaultInstanceId, loadVerificationConfig } from './verification.config';

// Validation of the shared settings is tested once, in libs/service-kit; here only this service's own.
describe('verification config', () => {
  it('defaults to port 3002, PTB, the devnet connection file, 1024 records or 1 s per batch', () => {
    const config = loadVerificationConfig({});
    assert.equal(config.port, 3002);
    assert.equal(config.org, 'PTB');
    assert.equal(config.logLevel, 'info');
    assert.ok(config.networkFile.endsWith(path.join('.devnet', 'network.json')));
    assert.equal(config.batchMaxSize, 1024);
    assert.equal(config.batchMaxAgeMs, 1000);
    assert.equal(config.keyCacheTtlSeconds, 300);
    assert.equal(config.futureSkewMs, 300_000);
    assert.equal(config.logRetentionSeconds, 30 * 86_400);
    assert.match(config.instanceId, /^PTB-.+-3002$/);
  });

  it('reads the batch bounds and the instance id from the environment', () => {
    const config = loadVerificationConfig({
      VERIFICATION_INSTANCE_ID: 'ptb-1',
      VERIFICATION_BATCH_MAX_SIZE: '16',
      VERIFICATION_BATCH_MAX_AGE_MS: '250',
    });
    assert.equal(config.instanceId, 'ptb-1');
    assert.equal(config.batchMaxSize, 16);
    assert.equal(config.batchMaxAgeMs, 250);
  });

  it('refuses an instance id with a dot and a zero batch size, naming both', () => {
    assert.throws(
      () => loadVerificationConfig({ VERIFICATION_INSTANCE_ID: 'a.b', VERIFICATION_BATCH_MAX_SIZE: '0' }),
      (error: unknown) =>
        isDomainError(error) &&
        error.code === 'CONFIG_INVALID' &&
        error.message.includes('VERIFICATION_INSTANCE_ID') &&
        error.message.includes('VERIFICATION_BATCH_MAX_SIZE'),
    );
  });

  it('keeps only safe characters of the host name in the default instance id', () => {
    assert.equal(defaultInstanceId('PTB', 3002, 'node-1.cluster.local'), 'PTB-node-1_cluster_local-3002');
  });
});
