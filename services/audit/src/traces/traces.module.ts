import { Module } from '@nestjs/common';
import { Metrics, REDIS_CLIENT } from '@metrochain/service-kit';
import type { Redis } from 'ioredis';
import { loadTracesConfig } from '../config/traces.config';
import { TraceStore } from './trace-store';
import { TraceService } from './trace.service';
import { TracesController } from './traces.controller';

/** The services' trace receiver (POST /v1/traces) and the trace views for auditors, on Redis. */
@Module({
  controllers: [TracesController],
  providers: [
    {
      provide: TraceService,
      useFactory: (redis: Redis, metrics: Metrics): TraceService => {
        const config = loadTracesConfig();
        const spans = metrics.counter({
          name: 'metrochain_audit_trace_spans_total',
          help: 'Spans received on /v1/traces: stored, or refused because their trace holds the most kept',
          labelNames: ['outcome'],
        });
        return new TraceService({
          store: new TraceStore(redis, config),
          token: config.token,
          onExport: (stored, refused) => {
            spans.inc({ outcome: 'stored' }, stored);
            spans.inc({ outcome: 'refused' }, refused);
          },
        });
      },
      inject: [REDIS_CLIENT, Metrics],
    },
  ],
})
export class TracesModule {}
