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

describe('billing closing settings', () => {
  it('bills a month three days after it ended and names every organisation as endorser by default', () => {
    const config = loadBillingConfig({});
    assert.deepEqual(config.closing, {
      graceMs: 3 * 24 * 3600 * 1000,
      intervalMs: 60_000,
      retryMs: 3_600_000,
    });
    assert.deepEqual(config.endorsingMspIds, []);
  });

  it('takes the endorsers as a comma-separated list and refuses anything else', () => {
    assert.deepEqual(loadBillingConfig({ BILLING_ENDORSING_MSPS: 'PTBMSP,InmetroMSP' }).endorsingMspIds, [
      'PTBMSP',
      'InmetroMSP',
    ]);
    assert.throws(
      () => loadBillingConfig({ BILLING_ENDORSING_MSPS: 'PTBMSP,,x' }),
      /CONFIG_INVALID|BILLING_ENDORSING_MSPS/,
    );
    assert.throws(() => loadBillingConfig({ BILLING_GRACE_MS: '-1' }), /BILLING_GRACE_MS/);
  });
});
