import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { isDomainError } from '@metrochain/errors';
import { DEFAULT_MAX_BUFFERED_BYTES, loadStreamConfig } from './stream.config';

const digest = createHash('sha256').update('token').digest('hex');

describe('loadStreamConfig', () => {
  it('defaults to no auditor (stream disabled) and an 8 MiB buffer per client', () => {
    assert.deepEqual(loadStreamConfig({}), { auditors: [], maxBufferedBytes: DEFAULT_MAX_BUFFERED_BYTES });
  });

  it('reads the auditors and the buffer bound', () => {
    const config = loadStreamConfig({
      VERIFICATION_AUDITOR_TOKENS: `auditor-ptb:${digest}`,
      VERIFICATION_STREAM_MAX_BUFFERED_BYTES: '4194304',
    });
    assert.deepEqual(config.auditors, [{ name: 'auditor-ptb', digest: Buffer.from(digest, 'hex') }]);
    assert.equal(config.maxBufferedBytes, 4_194_304);
  });

  it('throws CONFIG_INVALID naming every bad variable', () => {
    assert.throws(
      () =>
        loadStreamConfig({
          VERIFICATION_AUDITOR_TOKENS: 'auditor-ptb:not-a-digest',
          VERIFICATION_STREAM_MAX_BUFFERED_BYTES: '1048576',
        }),
      (error: unknown) =>
        isDomainError(error) &&
        error.code === 'CONFIG_INVALID' &&
        error.message.includes('VERIFICATION_AUDITOR_TOKENS') &&
        error.message.includes('VERIFICATION_STREAM_MAX_BUFFERED_BYTES'),
    );
  });
});
