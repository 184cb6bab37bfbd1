import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { DomainError } from '@metrochain/errors';
import { z } from 'zod';
import { FakeService } from '../testing/fake-service';
import { cli } from '../testing/run-cli';
import { apiUrl, requestJson } from './json-client';

const schema = z.object({ ok: z.literal(true) });
const coded = (code: string, status?: number) => (error: unknown) =>
  error instanceof DomainError &&
  error.code === code &&
  (status === undefined || error.details['status'] === status);

describe('requestJson', () => {
  let service: FakeService;
  const get = (path: string, timeoutMs = 2000): Promise<unknown> =>
    requestJson({ method: 'GET', url: `${service.url}${path}`, schema, timeoutMs });

  before(async () => {
    service = await FakeService.start();
    service
      .on('GET', /\/ok/, () => ({ status: 200, body: { ok: true } }))
      .on('GET', /\/coded/, () => ({
        status: 409,
        body: { code: 'ALREADY_ATTESTED', message: 'PTBMSP attested' },
      }))
      .on('GET', /\/crash/, () => ({ status: 500, raw: '<html>Internal Server Error</html>' }))
      .on('GET', /\/not-json/, () => ({ status: 200, raw: 'OK' }))
      .on('GET', /\/wrong-shape/, () => ({ status: 200, body: { ok: 'yes' } }))
      .on('GET', /\/slow/, () => ({ status: 200, body: { ok: true }, delayMs: 500 }));
  });
  after(() => service.close());

  it('returns a body that matches the schema', async () => {
    assert.deepEqual(await get('/ok'), { ok: true });
  });

  it('keeps the service’s code for a coded error answer', async () => {
    await assert.rejects(get('/coded'), (error: unknown) => {
      assert.ok(coded('ALREADY_ATTESTED', 409)(error));
      assert.equal((error as Error).message, 'PTBMSP attested');
      return true;
    });
  });

  it('gives every other bad answer a code of its own', async () => {
    await assert.rejects(get('/no-such-route'), coded('ENDPOINT_NOT_FOUND', 404));
    await assert.rejects(
      get('/crash'),
      (error: unknown) => coded('SERVICE_ERROR', 500)(error) && (error as DomainError).retriable,
    );
    await assert.rejects(get('/not-json'), coded('RESPONSE_INVALID', 200));
    await assert.rejects(get('/wrong-shape'), (error: unknown) => {
      assert.ok(coded('RESPONSE_INVALID')(error));
      assert.match((error as Error).message, /ok: Invalid literal value/);
      return true;
    });
    await assert.rejects(get('/slow', 100), coded('SERVICE_TIMEOUT'));
  });

  it('reports a service that is not listening as SERVICE_UNREACHABLE', async () => {
    const port = await freePort();
    await assert.rejects(
      requestJson({ method: 'GET', url: `http://127.0.0.1:${String(port)}/x`, schema, timeoutMs: 2000 }),
      (error: unknown) =>
        coded('SERVICE_UNREACHABLE')(error) && /ECONNREFUSED/.test((error as Error).message),
    );
  });

  it('fills path parameters URL-encoded', () => {
    assert.equal(
      apiUrl('http://h', '/meters/:meterId/revocation', { meterId: 'a/b c' }),
      'http://h/meters/a%2Fb%20c/revocation',
    );
  });
});

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

/** A port nothing listens on: bound once, then released. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  return typeof address === 'object' && address !== null ? address.port : 0;
}
