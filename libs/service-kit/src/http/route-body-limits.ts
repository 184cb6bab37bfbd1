import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, RouteOptions } from 'fastify';

interface BodyLimitConfig {
  bodyLimit?: unknown;
}

/** The largest body a route accepts, instead of Fastify's global 1 MiB; a larger one is 413 PAYLOAD_TOO_LARGE. */
export function BodyLimit(bytes: number): MethodDecorator {
  return RouteConfig({ bodyLimit: bytes } satisfies BodyLimitConfig);
}

/**
 * Applies `@BodyLimit` to the Fastify routes as Nest registers them; constructed with the platform module, i.e.
 * before the routes exist. Fastify's body errors then reach the platform's exception filter like any other.
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
  }
}
