import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../access/access-policy';
import { Metrics } from './metrics';

/** GET /metrics: the process's metrics in the Prometheus text format, for any scraper. */
@ApiTags('health')
@Public()
@Controller('metrics')
export class MetricsController {
  readonly #metrics: Metrics;

  constructor(@Inject(Metrics) metrics: Metrics) {
    this.#metrics = metrics;
  }

  @Get()
  @Header('cache-control', 'no-store')
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition (version 0.0.4).', type: String })
  async metrics(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    void reply.header('content-type', this.#metrics.contentType);
    return this.#metrics.text();
  }
}
