import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Inject } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { ErrorBody } from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import type { Logger } from '@metrochain/observability';
import { ThrottlerException } from '@nestjs/throttler';
import { PLATFORM_ERROR_STATUS, platformCodeOfStatus } from './platform-error-status';

/** A service's table from its domain codes to HTTP statuses; codes it does not know fall to the platform's. */
export type HttpStatusOf = (error: DomainError) => number | undefined;

export const ERROR_STATUS = 'METROCHAIN_ERROR_STATUS';
export const HTTP_LOGGER = 'METROCHAIN_HTTP_LOGGER';

export interface ErrorAnswer {
  status: number;
  body: ErrorBody;
  retryAfterSeconds?: number;
}

/**
 * The one exception filter of every service: every failure answers `{code, message}`. Domain errors take the
 * service's status table, then the platform's; Nest's HTTP exceptions (unknown route, throttling) and Fastify's
 * body errors get a platform code by status; anything else is a logged 500 INTERNAL that says nothing inside.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  readonly #adapterHost: HttpAdapterHost;
  readonly #statusOf: HttpStatusOf;
  readonly #logger: Logger;

  constructor(
    @Inject(HttpAdapterHost) adapterHost: HttpAdapterHost,
    @Inject(ERROR_STATUS) statusOf: HttpStatusOf,
    @Inject(HTTP_LOGGER) logger: Logger,
  ) {
    this.#adapterHost = adapterHost;
    this.#statusOf = statusOf;
    this.#logger = logger;
  }

  catch(error: unknown, host: ArgumentsHost): void {
    const answer = answerOf(error, this.#statusOf);
    if (answer.status >= 500) {
      this.#logger.error({ err: error, code: answer.body.code }, 'request failed');
    }
    const response = host.switchToHttp().getResponse<{ header(name: string, value: string): unknown }>();
    if (answer.status === 401) {
      response.header('www-authenticate', 'Bearer');
    }
    if (answer.retryAfterSeconds !== undefined) {
      response.header('retry-after', String(answer.retryAfterSeconds));
    }
    this.#adapterHost.httpAdapter.reply(response, answer.body, answer.status);
  }
}

export function answerOf(error: unknown, statusOf: HttpStatusOf): ErrorAnswer {
  if (error instanceof DomainError) {
    return domainAnswer(error as DomainError, statusOf);
  }
  if (error instanceof ThrottlerException) {
    return {
      status: 429,
      body: { code: 'RATE_LIMITED', message: 'too many requests: retry after the Retry-After seconds' },
    };
  }
  const status = statusOfUnknown(error);
  const code = platformCodeOfStatus(status);
  const message = status >= 500 ? 'internal error' : messageOf(error);
  return { status, body: { code, message } };
}

function domainAnswer(error: DomainError, statusOf: HttpStatusOf): ErrorAnswer {
  const platformStatus: Readonly<Partial<Record<string, number>>> = PLATFORM_ERROR_STATUS;
  const status = statusOf(error) ?? platformStatus[error.code] ?? 500;
  const retryAfter = error.details['retryAfterSeconds'];
  return {
    status,
    // A 500 is a fault of ours: its message may name internals, so the caller gets the code only.
    body: { code: error.code, message: status === 500 ? 'internal error' : error.message },
    ...(typeof retryAfter === 'number' ? { retryAfterSeconds: retryAfter } : {}),
  };
}

function statusOfUnknown(error: unknown): number {
  if (error instanceof HttpException) {
    return error.getStatus();
  }
  // Fastify's own errors (body too large, unreadable JSON, wrong media type) carry `statusCode`.
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 600 ? statusCode : 500;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'request failed';
}
