import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { ErrorBody } from '@metrochain/service-kit';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { MEASUREMENT_HTTP_STATUS, MeasurementErrorCode } from '../http/measurement-error';

interface BodyLimitConfig {
  bodyLimit?: unknown;
}

/** The largest body a route accepts, instead of Fastify's global 1 MiB; needs RouteBodyLimits in the module. */
export function BodyLimit(bytes: number): MethodDecorator {
  return RouteConfig({ bodyLimit: bytes } satisfies BodyLimitConfig);
}

/**
 * Applies `@BodyLimit` to the Fastify routes as Nest registers them. Fastify parses the body before any Nest code
 * runs, so its failures (too large, not JSON) never reach an exception filter; these routes answer them with the
 * API's coded errors instead of Fastify's own body. Constructed with the module, i.e. before the routes exist.
 */
@Injectable()
export class RouteBodyLimits {
  constructor(@Inject(HttpAdapterHost) host: HttpAdapterHost) {
    host.httpAdapter.getInstance<FastifyInstance>().addHook('onRoute', applyBodyLimit);
  }
}

export function applyBodyLimit(route: RouteOptions): void {
  const config: BodyLimitConfig | undefined = route.config;
  const limit = config?.bodyLimit;
  if (typeof limit === 'number') {
    route.bodyLimit = limit;
    route.errorHandler = answerBodyError;
  }
}

function answerBodyError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const body = bodyErrorOf(error);
  if (body === undefined) {
    throw error;
  }
  void reply.code(MEASUREMENT_HTTP_STATUS[body.code as MeasurementErrorCode]).send(body);
}

/** The coded answer to a body Fastify could not read, or undefined for any other failure. */
export function bodyErrorOf(error: Readonly<FastifyError>): ErrorBody | undefined {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return { code: MeasurementErrorCode.PAYLOAD_TOO_LARGE, message: 'request body too large' };
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return { code: MeasurementErrorCode.REQUEST_INVALID, message: 'expected Content-Type: application/json' };
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return { code: MeasurementErrorCode.REQUEST_INVALID, message: `unreadable body: ${error.message}` };
  }
  return undefined;
}
