import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadVerificationConfig } from './verification.config';

// Validation of the shared settings is tested once, in libs/service-kit; here only this service's defaults.
describe('verification config', () => {
  it('defaults to port 3002, PTB, the devnet connection file and info', () => {
    const config = loadVerificationConfig({});
    assert.equal(config.port, 3002);
    assert.equal(config.org, 'PTB');
    assert.equal(config.logLevel, 'info');
    assert.ok(config.networkFile.endsWith(path.join('.devnet', 'network.json')));
  });
});
