import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDomainError } from '@metrochain/errors';
import { loadNetworkHealthConfig } from './network-health.config';

describe('network-health config', () => {
  it('defaults to a 5 s poll, 5 blocks for 30 s, 3 leader changes in 5 min', () => {
    assert.deepEqual(loadNetworkHealthConfig({}), {
      pollMs: 5_000,
      timeoutMs: 2_000,
      peerBehindBlocks: 5,
      peerBehindSeconds: 30,
      raftGraceSeconds: 10,
      leaderChangesBurst: 3,
      leaderChangesWindowSeconds: 300,
    });
  });

  it('takes short values for tests and names a bad one', () => {
    assert.equal(loadNetworkHealthConfig({ AUDIT_PEER_BEHIND_SECONDS: '5' }).peerBehindSeconds, 5);
    assert.throws(
      () => loadNetworkHealthConfig({ AUDIT_NETWORK_POLL_MS: '10' }),
      (error) =>
        isDomainError(error) &&
        error.code === 'CONFIG_INVALID' &&
        /AUDIT_NETWORK_POLL_MS/.test(error.message),
    );
  });
});
