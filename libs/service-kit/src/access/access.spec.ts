import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Principal } from '@metrochain/contracts';
import { createLogger } from '@metrochain/observability';
import { createHttpApp } from '../bootstrap/create-http-app';
import { type TestIssuer, accessSpecProviders, newTestIssuer } from '../testing/test-issuer';
import { Allow, Public } from './access-policy';
import { CurrentPrincipal } from './current-principal';
import { ROUTE_POLICY_MISSING, RoutePolicyCheck } from './route-policy-check';
import { WriteThrottlerGuard } from './write-throttler.guard';

@Controller('spec')
class SpecController {
  @Get('open')
  @Public()
  open(): { ok: true } {
    return { ok: true };
  }

  @Post('makers')
  @Allow('manufacturer')
  maker(@CurrentPrincipal() principal: Principal, @Body() body: unknown): { name: string; body: unknown } {
    return { name: principal.name, body };
  }

  @Post('operators')
  @Allow('nmi-operator')
  operator(@CurrentPrincipal() principal: Principal): { nmi: string | undefined } {
    return { nmi: principal.nmi };
  }
}

@Controller('undeclared')
class UndeclaredController {
  @Get()
  open(): string {
    return 'nobody decided who may call this';
  }
}

const logger = createLogger('spec', { level: 'silent' });

async function appWith(
  controllers: (new (...args: never[]) => object)[],
  issuers: readonly TestIssuer[],
): Promise<NestFastifyApplication> {
  @Module({
    imports: [DiscoveryModule, ThrottlerModule.forRoot({ throttlers: [{ ttl: 60_000, limit: 3 }] })],
    controllers,
    providers: [
      ...accessSpecProviders({ issuers: issuers.map((issuer) => issuer.trusted), ownNmi: 'PTBMSP' }),
      { provide: APP_GUARD, useClass: WriteThrottlerGuard },
      RoutePolicyCheck,
    ],
  })
  class SpecModule {}
  const app = await createHttpApp({ serviceName: 'registration', module: SpecModule, logger });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

describe('access: one guard, one policy per route, one error shape', () => {
  let app: NestFastifyApplication;
  let ptb: TestIssuer;
  let inmetro: TestIssuer;
  let untrusted: TestIssuer;
  before(async () => {
    [ptb, inmetro, untrusted] = await Promise.all([
      newTestIssuer('PTBMSP'),
      newTestIssuer('InmetroMSP'),
      newTestIssuer('PTBMSP'),
    ]);
    app = await appWith([SpecController], [ptb, inmetro]);
  });
  after(() => app.close());

  const call = async (
    method: 'GET' | 'POST',
    url: string,
    token?: string,
    payload: unknown = {},
  ): Promise<{ status: number; body: Record<string, unknown>; headers: Record<string, unknown> }> => {
    const response = await app.inject({
      method,
      url,
      ...(method === 'POST' ? { payload: payload as object } : {}),
      headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    });
    return { status: response.statusCode, body: response.json(), headers: response.headers };
  };

  it('lets anyone call a public route', async () => {
    assert.deepEqual((await call('GET', '/spec/open')).body, { ok: true });
  });

  it('refuses a missing token with 401 UNAUTHENTICATED and the Bearer scheme', async () => {
    const answer = await call('POST', '/spec/makers');
    assert.equal(answer.status, 401);
    assert.equal(answer.body['code'], 'UNAUTHENTICATED');
    assert.equal(answer.headers['www-authenticate'], 'Bearer');
  });

  it('refuses a token of an unknown key, or a forged one, with 401 TOKEN_INVALID', async () => {
    const forged = await untrusted.token({ sub: 'acme', role: 'manufacturer' });
    for (const token of [forged, 'a.b.c', `${forged.slice(0, -4)}AAAA`]) {
      const answer = await call('POST', '/spec/makers', token);
      assert.equal(answer.status, 401);
      assert.equal(answer.body['code'], 'TOKEN_INVALID');
    }
  });

  it('refuses another role with 403 ACCESS_FORBIDDEN and passes the principal to the handler', async () => {
    const auditor = await ptb.token({ sub: 'auditor-ptb', role: 'auditor' });
    assert.equal((await call('POST', '/spec/makers', auditor)).body['code'], 'ACCESS_FORBIDDEN');
    const maker = await inmetro.token({ sub: 'acme', role: 'manufacturer' });
    assert.deepEqual((await call('POST', '/spec/makers', maker, { x: 1 })).body, {
      name: 'acme',
      body: { x: 1 },
    });
  });

  it('lets an operator act only for its own NMI (403 NMI_FORBIDDEN) and refuses operators of another issuer', async () => {
    const own = await ptb.token({ sub: 'operator-ptb', role: 'nmi-operator', nmi: 'PTBMSP' });
    assert.deepEqual((await call('POST', '/spec/operators', own)).body, { nmi: 'PTBMSP' });
    const other = await inmetro.token({ sub: 'operator-inmetro', role: 'nmi-operator', nmi: 'InmetroMSP' });
    const refused = await call('POST', '/spec/operators', other);
    assert.equal(refused.status, 403);
    assert.equal(refused.body['code'], 'NMI_FORBIDDEN');
    const usurper = await inmetro.token({ sub: 'operator-x', role: 'nmi-operator', nmi: 'PTBMSP' });
    assert.equal((await call('POST', '/spec/operators', usurper)).body['code'], 'TOKEN_INVALID');
  });

  it('answers an unknown route, unreadable JSON and a wrong media type with coded bodies', async () => {
    const unknown = await call('GET', '/nowhere');
    assert.deepEqual([unknown.status, unknown.body['code']], [404, 'ROUTE_NOT_FOUND']);
    const maker = await ptb.token({ sub: 'acme', role: 'manufacturer' });
    const broken = await app.inject({
      method: 'POST',
      url: '/spec/makers',
      payload: '{"x":',
      headers: { authorization: `Bearer ${maker}`, 'content-type': 'application/json' },
    });
    assert.deepEqual([broken.statusCode, broken.json<{ code: string }>().code], [400, 'REQUEST_INVALID']);
    const text = await app.inject({
      method: 'POST',
      url: '/spec/makers',
      payload: 'x',
      headers: { authorization: `Bearer ${maker}`, 'content-type': 'text/csv' },
    });
    assert.deepEqual([text.statusCode, text.json<{ code: string }>().code], [415, 'UNSUPPORTED_MEDIA_TYPE']);
  });

  it('limits writes per principal: 429 RATE_LIMITED with Retry-After, another principal unaffected', async () => {
    const busy = await ptb.token({ sub: 'busy', role: 'manufacturer' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push((await call('POST', '/spec/makers', busy)).status);
    }
    assert.deepEqual(statuses, [201, 201, 201, 429]);
    const limited = await call('POST', '/spec/makers', busy);
    assert.equal(limited.body['code'], 'RATE_LIMITED');
    assert.ok(Number(limited.headers['retry-after']) > 0);
    const calm = await ptb.token({ sub: 'calm', role: 'manufacturer' });
    assert.equal((await call('POST', '/spec/makers', calm)).status, 201);
  });
});

describe('RoutePolicyCheck', () => {
  it('stops start-up when a route declares no policy, naming it', async () => {
    await assert.rejects(
      appWith([SpecController, UndeclaredController], []),
      (error: unknown) =>
        (error as { code?: string }).code === ROUTE_POLICY_MISSING &&
        (error as Error).message.includes('UndeclaredController.open'),
    );
  });
});
