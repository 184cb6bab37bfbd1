import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { context, trace } from '@opentelemetry/api';
import { createLogger } from './logger';
import { type ShutdownTelemetry, startTelemetry } from './telemetry';
import { captureLines } from './testing/capture-lines';

describe('createLogger', () => {
  let shutdown: ShutdownTelemetry;
  before(() => {
    shutdown = startTelemetry({ serviceName: 'logger-spec', env: {} });
  });
  after(() => shutdown());

  it('writes JSON lines that name the service and the level', () => {
    const { stream, lines } = captureLines();
    createLogger('registration', { destination: stream, level: 'info' }).info({ meterId: 'm1' }, 'attested');
    assert.equal(lines.length, 1);
    assert.partialDeepStrictEqual(lines[0], {
      service: 'registration',
      level: 'info',
      msg: 'attested',
      meterId: 'm1',
    });
    assert.match(String(lines[0]?.['time']), /^\d{4}-\d\d-\d\dT/);
  });

  it('takes its level from LOG_LEVEL and falls back to info on an unknown one', () => {
    assert.equal(createLogger('audit', { env: { LOG_LEVEL: 'debug' } }).level, 'debug');
    assert.equal(createLogger('audit', { env: { LOG_LEVEL: 'loud' } }).level, 'info');
    assert.equal(createLogger('audit', { env: {} }).level, 'info');
  });

  it('adds the ids of the active span', () => {
    const { stream, lines } = captureLines();
    const logger = createLogger('billing', { destination: stream });
    const spanContext = {
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      traceFlags: 1,
    };
    context.with(trace.setSpanContext(context.active(), spanContext), () => {
      logger.info('inside');
    });
    logger.info('outside');
    assert.partialDeepStrictEqual(lines[0], { trace_id: spanContext.traceId, span_id: spanContext.spanId });
    assert.equal(lines.length, 2);
    assert.ok(!('trace_id' in (lines[1] ?? {})));
  });
});
