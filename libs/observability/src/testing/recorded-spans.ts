import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
  TracerProvider,
} from '@opentelemetry/sdk-trace';

export interface RecordedSpans {
  /** The spans ended so far, in the order they ended. */
  finished: () => ReadableSpan[];
  reset: () => void;
  /** Unregisters the provider, context manager and propagator again. */
  stop: () => Promise<void>;
}

/**
 * Registers a tracer provider that keeps every ended span in memory, with async context and W3C propagation as
 * the services have them, for tests of code that creates spans.
 */
export function recordSpans(): RecordedSpans {
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  return {
    finished: () => exporter.getFinishedSpans(),
    reset: () => {
      exporter.reset();
    },
    stop: async () => {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
