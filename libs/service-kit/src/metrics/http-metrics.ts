import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HTTP_DURATION_BUCKETS, Metrics } from './metrics';

export const HTTP_DURATION_METRIC = 'metrochain_http_request_duration_seconds';
/** The route label of a request no route matched, so that scanners cannot create a label value per path. */
export const UNMATCHED_ROUTE = 'unmatched';

export type HttpObservation = (request: FastifyRequest, reply: FastifyReply) => void;

/** Records one answered request in the duration histogram, labelled by the route's pattern, not its path. */
export function httpObservation(metrics: Metrics): HttpObservation {
  const histogram = metrics.histogram({
    name: HTTP_DURATION_METRIC,
    help: 'Time from request to the last byte of the answer, by method, route pattern and status code',
    labelNames: ['method', 'route', 'status'],
    buckets: [...HTTP_DURATION_BUCKETS],
  });
  return (request, reply) => {
    const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
    histogram.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  };
}

/** Adds the observation as a Fastify onResponse hook; constructed with the platform module, before any route. */
@Injectable()
export class HttpMetricsHook {
  constructor(@Inject(HttpAdapterHost) host: HttpAdapterHost, @Inject(Metrics) metrics: Metrics) {
    const observe = httpObservation(metrics);
    host.httpAdapter.getInstance<FastifyInstance>().addHook('onResponse', (request, reply, done) => {
      observe(request, reply);
      done();
    });
  }
}
