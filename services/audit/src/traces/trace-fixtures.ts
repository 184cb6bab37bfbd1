import type { OtlpTraceRequest } from '@metrochain/contracts';

export const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
export const INGEST_SPAN = 'b7ad6b7169203331';
export const VERIFY_SPAN = 'c7ad6b7169203332';
export const START_NS = 1_764_000_000_000_000_000n;

/** One service's export of spans, as the OTLP/JSON exporter sends it. */
export function exportOf(
  service: string,
  spans: readonly { spanId: string; parent?: string; name: string; startMs: number; durationMs: number }[],
  traceId = TRACE_ID,
): OtlpTraceRequest {
  return {
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
        scopeSpans: [
          {
            scope: { name: `metrochain-${service}` },
            spans: spans.map((span) => ({
              traceId,
              spanId: span.spanId,
              parentSpanId: span.parent ?? '',
              name: span.name,
              kind: 2,
              startTimeUnixNano: String(START_NS + BigInt(span.startMs * 1_000_000)),
              endTimeUnixNano: String(START_NS + BigInt((span.startMs + span.durationMs) * 1_000_000)),
              attributes: [
                { key: 'measurement.readings', value: { intValue: '1' } },
                { key: 'ok', value: { boolValue: true } },
              ],
              status: { code: 0 },
            })),
          },
        ],
      },
    ],
  };
}
