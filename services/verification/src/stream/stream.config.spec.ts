import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDomainError } from '@metrochain/errors';
import { DEFAULT_MAX_BUFFERED_BYTES, loadStreamConfig } from './stream.config';

describe('loadStreamConfig', () => {
  it('defaults to an 8 MiB buffer per client', () => {
    assert.deepEqual(loadStreamConfig({}), { maxBufferedBytes: DEFAULT_MAX_BUFFERED_BYTES });
  });

  it('reads the buffer bound', () => {
    const config = loadStreamConfig({ VERIFICATION_STREAM_MAX_BUFFERED_BYTES: '4194304' });
    assert.equal(config.maxBufferedBytes, 4_194_304);
  });

  it('throws CONFIG_INVALID naming the bad variable', () => {
    assert.throws(
      () => loadStreamConfig({ VERIFICATION_STREAM_MAX_BUFFERED_BYTES: '1048576' }),
      (error: unknown) =>
        isDomainError(error) &&
        error.code === 'CONFIG_INVALID' &&
        error.message.includes('VERIFICATION_STREAM_MAX_BUFFERED_BYTES'),
    );
  });
});
