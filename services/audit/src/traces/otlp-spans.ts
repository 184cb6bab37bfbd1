import {
  type OtlpAnyValue,
  type OtlpSpan,
  type OtlpTraceRequest,
  SPAN_KINDS,
  SPAN_STATUSES,
  type TraceSpan,
} from '@metrochain/contracts';

const MAX_ATTRIBUTE_TEXT = 1_024;
const MAX_NAME = 256;
const UNKNOWN_SERVICE = 'unknown';

type AttributeValue = string | number | boolean;

/** An OTLP attribute value as a plain one; arrays and key-value lists become their (shortened) JSON. */
export function attributeValue(value: OtlpAnyValue): AttributeValue | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (value.stringValue !== undefined) {
    return value.stringValue.slice(0, MAX_ATTRIBUTE_TEXT);
  }
  if (value.boolValue !== undefined) {
    return value.boolValue;
  }
  if (value.intValue !== undefined) {
    return Number(value.intValue);
  }
  if (value.doubleValue !== undefined) {
    return value.doubleValue;
  }
  const nested = value.arrayValue ?? value.kvlistValue;
  return nested === undefined ? undefined : JSON.stringify(nested).slice(0, MAX_ATTRIBUTE_TEXT);
}

function attributesOf(
  attributes: readonly { key: string; value?: OtlpAnyValue }[],
): Record<string, AttributeValue> {
  const result: Record<string, AttributeValue> = {};
  for (const { key, value } of attributes) {
    const plain = attributeValue(value);
    if (plain !== undefined) {
      result[key] = plain;
    }
  }
  return result;
}

/** Nanoseconds since the epoch as milliseconds, keeping microseconds. */
function millisOf(unixNano: string | number): number {
  const nanos = BigInt(unixNano);
  return Number(nanos / 1_000n) / 1_000;
}

function spanOf(span: OtlpSpan, service: string, scope: string): TraceSpan {
  const startMs = millisOf(span.startTimeUnixNano);
  const endMs = millisOf(span.endTimeUnixNano);
  const status = SPAN_STATUSES[span.status.code] ?? 'unset';
  return {
    traceId: span.traceId,
    spanId: span.spanId,
    parentSpanId: span.parentSpanId === undefined || span.parentSpanId === '' ? null : span.parentSpanId,
    service,
    scope,
    name: span.name.slice(0, MAX_NAME),
    kind: SPAN_KINDS[span.kind] ?? 'unspecified',
    startMs,
    durationMs: Math.max(0, endMs - startMs),
    status,
    ...(span.status.message === undefined || span.status.message === ''
      ? {}
      : { statusMessage: span.status.message.slice(0, MAX_ATTRIBUTE_TEXT) }),
    attributes: attributesOf(span.attributes),
  };
}

/** Every span of an export request, with the `service.name` of its resource. */
export function spansOf(request: Readonly<OtlpTraceRequest>): TraceSpan[] {
  return request.resourceSpans.flatMap((resourceSpans) => {
    const serviceName = attributesOf(resourceSpans.resource.attributes)['service.name'];
    const service = typeof serviceName === 'string' && serviceName !== '' ? serviceName : UNKNOWN_SERVICE;
    return resourceSpans.scopeSpans.flatMap((scopeSpans) =>
      scopeSpans.spans.map((span) => spanOf(span, service, scopeSpans.scope.name)),
    );
  });
}
