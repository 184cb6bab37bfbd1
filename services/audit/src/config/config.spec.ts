import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadAuditConfig } from './audit.config';

// Validation of the shared settings is tested once, in libs/service-kit; here only this service's defaults.
describe('audit config', () => {
  it('defaults to port 3005, PTB, the devnet connection file and info', () => {
    const config = loadAuditConfig({});
    assert.equal(config.port, 3005);
    assert.equal(config.org, 'PTB');
    assert.equal(config.logLevel, 'info');
    assert.ok(config.networkFile.endsWith(path.join('.devnet', 'network.json')));
  });
});
