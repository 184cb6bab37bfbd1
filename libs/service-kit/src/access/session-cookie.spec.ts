import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Controller, Get, Module, Post } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Principal } from '@metrochain/contracts';
import { createLogger } from '@metrochain/observability';
import { createHttpApp } from '../bootstrap/create-http-app';
import { type TestIssuer, accessSpecProviders, newTestIssuer } from '../testing/test-issuer';
import { Allow } from './access-policy';
import { sessionCookieOf } from './access.guard';
import { CurrentPrincipal } from './current-principal';

@Controller('spec')
@Allow('auditor')
class CookieSpecController {
  @Get('read')
  read(@CurrentPrincipal() principal: Principal): { name: string } {
    return { name: principal.name };
  }

  @Post('write')
  write(): { ok: true } {
    return { ok: true };
  }
}

describe('access: the browser session cookie', () => {
  let app: NestFastifyApplication;
  let ptb: TestIssuer;
  let token: string;

  before(async () => {
    ptb = await newTestIssuer('PTBMSP');
    token = await ptb.token({ sub: 'auditor-ptb', role: 'auditor' });
    @Module({
      imports: [DiscoveryModule],
      controllers: [CookieSpecController],
      providers: [...accessSpecProviders({ issuers: [ptb.trusted], ownNmi: 'PTBMSP' })],
    })
    class SpecModule {}
    app = await createHttpApp({
      serviceName: 'audit',
      module: SpecModule,
      logger: createLogger('spec', { level: 'silent' }),
    });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  after(() => app.close());

  const call = async (
    method: 'GET' | 'POST',
    url: string,
    headers: Record<string, string>,
  ): Promise<{ status: number; body: Record<string, unknown> }> => {
    const response = await app.inject({
      method,
      url,
      headers,
      ...(method === 'POST' ? { payload: {} } : {}),
    });
    return { status: response.statusCode, body: response.json() };
  };

  it('authenticates a safe request by the cookie when there is no Authorization header', async () => {
    const answer = await call('GET', '/spec/read', { cookie: `other=1; mc_session=${token}` });
    assert.deepEqual([answer.status, answer.body], [200, { name: 'auditor-ptb' }]);
  });

  it('requires the CSRF header on unsafe requests authenticated by the cookie, not on bearer ones', async () => {
    const refused = await call('POST', '/spec/write', { cookie: `mc_session=${token}` });
    assert.deepEqual([refused.status, refused.body['code']], [403, 'CSRF_REQUIRED']);
    const allowed = await call('POST', '/spec/write', {
      cookie: `mc_session=${token}`,
      'x-metrochain-csrf': '1',
    });
    assert.equal(allowed.status, 201);
    const bearer = await call('POST', '/spec/write', { authorization: `Bearer ${token}` });
    assert.equal(bearer.status, 201);
  });

  it('refuses no cookie with 401 UNAUTHENTICATED, a bad cookie with TOKEN_INVALID, and prefers a bad header', async () => {
    assert.equal((await call('GET', '/spec/read', {})).body['code'], 'UNAUTHENTICATED');
    assert.equal(
      (await call('GET', '/spec/read', { cookie: 'mc_session=a.b.c' })).body['code'],
      'TOKEN_INVALID',
    );
    const header = await call('GET', '/spec/read', {
      authorization: 'Basic x',
      cookie: `mc_session=${token}`,
    });
    assert.equal(header.body['code'], 'UNAUTHENTICATED');
  });

  it('reads the cookie value only when it is token-shaped', () => {
    assert.equal(sessionCookieOf('a=1; mc_session=x.y.z'), 'x.y.z');
    assert.equal(sessionCookieOf('mc_session=<script>'), undefined);
    assert.equal(sessionCookieOf(undefined), undefined);
    assert.equal(sessionCookieOf(['a=1', 'mc_session=q']), 'q');
  });
});
