import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigErrorCode } from '@metrochain/config';
import { DomainError } from '@metrochain/errors';
import { loadVerificationConfig } from './verification.config';

describe('verification config', () => {
  it('defaults to port 3002, PTB, the devnet connection file and info', () => {
    const config = loadVerificationConfig({});
    assert.equal(config.port, 3002);
    assert.equal(config.org, 'PTB');
    assert.equal(config.logLevel, 'info');
    assert.ok(config.networkFile.endsWith(path.join('.devnet', 'network.json')));
  });

  it('takes its settings from the environment', () => {
    const config = loadVerificationConfig({
      PORT: '4002',
      METROCHAIN_ORG: 'Inmetro',
      METROCHAIN_NETWORK_FILE: '/n.json',
    });
    assert.deepEqual(
      { port: config.port, org: config.org, networkFile: config.networkFile },
      { port: 4002, org: 'Inmetro', networkFile: '/n.json' },
    );
  });

  it('rejects a bad PORT or LOG_LEVEL with CONFIG_INVALID', () => {
    for (const env of [{ PORT: 'eighty' }, { PORT: '0' }, { LOG_LEVEL: 'loud' }]) {
      assert.throws(
        () => loadVerificationConfig(env),
        (error: unknown) => error instanceof DomainError && error.code === ConfigErrorCode.CONFIG_INVALID,
      );
    }
  });
});
