import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { DomainError } from '@metrochain/errors';
import { z } from 'zod';
import { FakeService } from '../testing/fake-service';
import { freePort } from '../testing/free-port';
import { apiUrl } from './api-url';
import { JsonClient } from './json-client';
import { requestJson } from './request-json';

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
      .on('GET', /\/slow/, () => ({ status: 200, body: { ok: true }, delayMs: 500 }))
      .on('GET', /\/busy/, () => ({ status: 429, raw: 'slow down' }))
      .on('GET', /\/overloaded/, () => ({
        status: 503,
        body: { code: 'INGEST_OVERLOADED', message: 'full' },
        headers: { 'retry-after': '7' },
      }));
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
    await assert.rejects(
      get('/busy'),
      (error: unknown) => coded('SERVICE_ERROR', 429)(error) && (error as DomainError).retriable,
    );
  });

  it('keeps the Retry-After seconds of a refusal in its details', async () => {
    await assert.rejects(get('/overloaded'), (error: unknown) => {
      assert.ok(coded('INGEST_OVERLOADED', 503)(error));
      assert.equal((error as DomainError).details['retryAfterSeconds'], 7);
      assert.equal((error as DomainError).retriable, true);
      return true;
    });
    await assert.rejects(get('/busy'), (error: unknown) => {
      assert.equal((error as DomainError).details['retryAfterSeconds'], undefined);
      return true;
    });
  });

  it('reports a service that is not listening as SERVICE_UNREACHABLE', async () => {
    const port = await freePort();
    await assert.rejects(
      requestJson({ method: 'GET', url: `http://127.0.0.1:${String(port)}/x`, schema, timeoutMs: 2000 }),
      (error: unknown) =>
        coded('SERVICE_UNREACHABLE')(error) && /ECONNREFUSED/.test((error as Error).message),
    );
  });

  it('sends a GET once more when its connection is reset, and reports a reset POST', async () => {
    // Resets every first connection, as a server closing a kept-alive one while it is reused; answers the next.
    let connections = 0;
    const server = createServer((socket) => {
      connections += 1;
      socket.once('data', () => {
        if (connections % 2 === 1) {
          socket.resetAndDestroy();
          return;
        }
        const body = JSON.stringify({ ok: true });
        socket.end(
          `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${String(body.length)}\r\nconnection: close\r\n\r\n${body}`,
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const url = `http://127.0.0.1:${String(port)}/x`;
    try {
      assert.deepEqual(await requestJson({ method: 'GET', url, schema, timeoutMs: 2000 }), { ok: true });
      assert.equal(connections, 2);
      await assert.rejects(
        requestJson({ method: 'POST', url, body: {}, schema, timeoutMs: 2000 }),
        coded('SERVICE_UNREACHABLE'),
      );
      assert.equal(connections, 3, 'a POST is not sent again');
    } finally {
      server.close();
    }
  });

  it('fills path parameters URL-encoded', () => {
    assert.equal(
      apiUrl('http://h', '/meters/:meterId/revocation', { meterId: 'a/b c' }),
      'http://h/meters/a%2Fb%20c/revocation',
    );
  });
});

describe('JsonClient', () => {
  let service: FakeService;

  before(async () => {
    service = await FakeService.start();
    service.on('GET', /\/meters\/([^/]+)/, () => ({ status: 200, body: { ok: true } }));
  });
  after(() => service.close());

  it("sends the client's bearer token, a request's own in its place, and none when neither has one", async () => {
    const withToken = new JsonClient({ baseUrl: service.url, timeoutMs: 2000, bearerToken: 'client-token' });
    const without = new JsonClient({ baseUrl: service.url, timeoutMs: 2000 });
    await withToken.get('/meters/:meterId', schema, { params: { meterId: 'a/b' } });
    await withToken.get('/meters/:meterId', schema, { params: { meterId: 'm' }, bearerToken: 'call-token' });
    await withToken.get('/meters/:meterId', schema, { params: { meterId: 'm' }, bearerToken: undefined });
    await without.get('/meters/:meterId', schema, { params: { meterId: 'm' } });
    await without.get('/meters/:meterId', schema, { params: { meterId: 'm' }, bearerToken: 'call-token' });
    assert.deepEqual(
      service.requests.map(({ path, authorization }) => [path, authorization]),
      [
        ['/meters/a%2Fb', 'Bearer client-token'],
        ['/meters/m', 'Bearer call-token'],
        ['/meters/m', undefined],
        ['/meters/m', undefined],
        ['/meters/m', 'Bearer call-token'],
      ],
    );
  });
});
