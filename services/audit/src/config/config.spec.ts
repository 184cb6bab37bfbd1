import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigErrorCode } from '@metrochain/config';
import { DomainError } from '@metrochain/errors';
import { loadAuditConfig } from './audit.config';

describe('audit config', () => {
  it('defaults to port 3005, PTB, the devnet connection file and info', () => {
    const config = loadAuditConfig({});
    assert.equal(config.port, 3005);
    assert.equal(config.org, 'PTB');
    assert.equal(config.logLevel, 'info');
    assert.ok(config.networkFile.endsWith(path.join('.devnet', 'network.json')));
  });

  it('takes its settings from the environment', () => {
    const config = loadAuditConfig({
      PORT: '4005',
      METROCHAIN_ORG: 'Inmetro',
      METROCHAIN_NETWORK_FILE: '/n.json',
    });
    assert.deepEqual(
      { port: config.port, org: config.org, networkFile: config.networkFile },
      { port: 4005, org: 'Inmetro', networkFile: '/n.json' },
    );
  });

  it('rejects a bad PORT or LOG_LEVEL with CONFIG_INVALID', () => {
    for (const env of [{ PORT: 'eighty' }, { PORT: '0' }, { LOG_LEVEL: 'loud' }]) {
      assert.throws(
        () => loadAuditConfig(env),
        (error: unknown) => error instanceof DomainError && error.code === ConfigErrorCode.CONFIG_INVALID,
      );
    }
  });
});
