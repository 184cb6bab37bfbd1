import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadBillingConfig } from './billing.config';

// Validation of the shared settings is tested once, in libs/service-kit; here only this service's defaults.
describe('billing config', () => {
  it('defaults to port 3004, PTB, the devnet connection file and info', () => {
    const config = loadBillingConfig({});
    assert.equal(config.port, 3004);
    assert.equal(config.org, 'PTB');
    assert.equal(config.logLevel, 'info');
    assert.ok(config.networkFile.endsWith(path.join('.devnet', 'network.json')));
  });
});
