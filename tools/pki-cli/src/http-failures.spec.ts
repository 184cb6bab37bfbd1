import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FakeService, freePort } from '@metrochain/tool-kit/testing';
import { cli } from './testing/run-cli';

describe('HTTP failures on the command line', () => {
  it('print CODE: message and exit 1', async () => {
    const port = await freePort();
    const run = await cli(['status', '--registration', `http://127.0.0.1:${String(port)}`, '--meter', 'm-1']);
    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      /^SERVICE_UNREACHABLE: GET http:\/\/127\.0\.0\.1:\d+\/meters\/m-1: .*ECONNREFUSED/,
    );
    const service = await FakeService.start();
    try {
      const missing = await cli([
        'verify',
        '--verification',
        service.url,
        '--meter',
        'm',
        '--data',
        'd',
        '--signature',
        'AAAA',
      ]);
      assert.equal(missing.code, 1);
      assert.match(
        missing.stderr,
        /^ENDPOINT_NOT_FOUND: POST http:\/\/127\.0\.0\.1:\d+\/verifications: 404 /,
      );
    } finally {
      await service.close();
    }
  });
});
