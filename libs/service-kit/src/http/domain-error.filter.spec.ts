import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type ArgumentsHost, Controller, Get, HttpStatus, Module, UseFilters } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DomainError } from '@metrochain/errors';
import { createLogger } from '@metrochain/observability';
import { createHttpApp } from '../bootstrap/create-http-app';
import { domainErrorFilter } from './domain-error.filter';

const statusOf = (error: DomainError): HttpStatus =>
  error.code === 'THING_GONE' ? HttpStatus.GONE : HttpStatus.UNPROCESSABLE_ENTITY;

describe('domainErrorFilter', () => {
  it('replies on the request’s response with the status the mapping gives and {code, message} only', () => {
    const replies: { response: unknown; body: unknown; status: number | undefined }[] = [];
    const adapterHost = {
      httpAdapter: {
        reply: (response: unknown, body: unknown, status?: number) =>
          replies.push({ response, body, status }),
      },
    } as unknown as HttpAdapterHost;
    const response = { id: 'response' };
    const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
    const seen: DomainError[] = [];
    const Filter = domainErrorFilter((error) => (seen.push(error), statusOf(error)));
    const error = new DomainError({ code: 'THING_GONE', message: 'gone', details: { secret: 1 } });
    new Filter(adapterHost).catch(error, host);
    assert.deepEqual(seen, [error]);
    assert.equal(replies.length, 1);
    assert.equal(replies[0]?.response, response);
    assert.deepEqual(replies[0], { response, body: { code: 'THING_GONE', message: 'gone' }, status: 410 });
  });
});

const Filter = domainErrorFilter(statusOf);

@Controller('things')
@UseFilters(Filter)
class ThingsController {
  @Get('gone')
  gone(): never {
    throw new DomainError({ code: 'THING_GONE', message: 'the thing is gone', details: { secret: 1 } });
  }

  @Get('odd')
  odd(): never {
    throw new DomainError({ code: 'THING_ODD', message: 'odd' });
  }

  @Get('plain')
  plain(): never {
    throw new Error('not a domain error');
  }
}

@Module({ controllers: [ThingsController], providers: [Filter] })
class ThingsModule {}

describe('domainErrorFilter in a Nest application', () => {
  let app: NestFastifyApplication;
  before(async () => {
    const logger = createLogger('spec', { level: 'silent' });
    app = await createHttpApp({ serviceName: 'spec', module: ThingsModule, logger });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  after(() => app.close());

  it('answers domain errors with the mapped status and {code, message}', async () => {
    const gone = await app.inject({ method: 'GET', url: '/things/gone' });
    assert.equal(gone.statusCode, 410);
    assert.deepEqual(gone.json(), { code: 'THING_GONE', message: 'the thing is gone' });
    const odd = await app.inject({ method: 'GET', url: '/things/odd' });
    assert.equal(odd.statusCode, 422);
    assert.deepEqual(odd.json(), { code: 'THING_ODD', message: 'odd' });
  });

  it('leaves other errors to Nest', async () => {
    const plain = await app.inject({ method: 'GET', url: '/things/plain' });
    assert.equal(plain.statusCode, 500);
    assert.deepEqual(plain.json(), { statusCode: 500, message: 'Internal server error' });
  });
});
