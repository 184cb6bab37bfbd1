import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { DomainError } from '@metrochain/errors';
import { defaultInstanceId, loadRegistrationConfig } from './registration.config';

// Validation of the shared settings is tested once, in libs/service-kit; here only this service's own.
describe('registration config', () => {
  it('defaults to port 3001, PTB, the devnet connection file and info', () => {
    const config = loadRegistrationConfig({});
    assert.equal(config.port, 3001);
    assert.equal(config.org, 'PTB');
    assert.equal(config.logLevel, 'info');
    assert.ok(config.networkFile.endsWith(path.join('.devnet', 'network.json')));
  });

  it('publishes lifecycle events by default with a 10 s lease, named after org, host and port', () => {
    const config = loadRegistrationConfig({ METROCHAIN_ORG: 'Inmetro', PORT: '3011' });
    assert.deepEqual(config.lifecycle, {
      enabled: true,
      instanceId: defaultInstanceId('Inmetro', 3011),
      leaseTtlMs: 10_000,
    });
    assert.match(config.lifecycle.instanceId, /^Inmetro-.+-3011$/);
  });

  it('takes the publisher settings from the environment', () => {
    const config = loadRegistrationConfig({
      REGISTRATION_LIFECYCLE_PUBLISHER: 'off',
      REGISTRATION_INSTANCE_ID: 'registration-ptb',
      REGISTRATION_LEASE_TTL_MS: '2500',
    });
    assert.deepEqual(config.lifecycle, { enabled: false, instanceId: 'registration-ptb', leaseTtlMs: 2500 });
  });

  it('refuses a lease shorter than a second and an instance id with spaces', () => {
    const invalid = (error: unknown): boolean =>
      error instanceof DomainError && error.code === 'CONFIG_INVALID';
    assert.throws(() => loadRegistrationConfig({ REGISTRATION_LEASE_TTL_MS: '10' }), invalid);
    assert.throws(() => loadRegistrationConfig({ REGISTRATION_INSTANCE_ID: 'a b' }), invalid);
  });

  it('replaces characters of the host name that ids do not take', () => {
    assert.equal(defaultInstanceId('PTB', 3001, 'host name/1'), 'PTB-host_name_1-3001');
  });
});
