import { z } from 'zod';
import { isEncodableJson } from '../encoding/encodable-json';

/**
 * The audit service as the project's trace receiver (docs/observability.md): every service exports its spans as
 * OTLP/HTTP with JSON bodies to `POST /v1/traces` (the OpenTelemetry path), and auditors read them back as traces.
 */
export const AuditTracePaths = {
  receive: '/v1/traces',
  traces: '/api/traces',
  trace: '/api/traces/:traceId',
} as const;

export const AuditTraceErrorCode = {
  /** No span of that trace is stored (unknown, or older than the retention). */
  TRACE_UNKNOWN: 'TRACE_UNKNOWN',
} as const;
export type AuditTraceErrorCode = (typeof AuditTraceErrorCode)[keyof typeof AuditTraceErrorCode];

/** The header a non-loopback exporter sends its token in (`OTEL_EXPORTER_OTLP_TRACES_HEADERS`). */
export const TRACE_TOKEN_HEADER = 'x-metrochain-trace-token';
/** Largest export request the receiver reads: 512 spans (the SDK's batch) of a few KiB each. */
export const MAX_TRACE_EXPORT_BYTES = 4 * 1024 * 1024;
export const MAX_SPANS_PER_EXPORT = 4_096;

export const traceIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'a trace id is 32 lowercase hex digits');
export const spanIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'a span id is 16 lowercase hex digits');

// ---- OTLP/JSON: the subset the receiver reads; other fields are ignored ------------------------------------------

const unixNanoSchema = z.union([
  z.string().regex(/^\d{1,20}$/),
  z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
]);

/** Levels of nesting an attribute's array or key-value list may have (OTLP spends two per level: values, value). */
export const MAX_ATTRIBUTE_NESTING = 32;

// Kept as JSON text: deeper nesting would exhaust JSON.stringify's stack (a 500 for the whole export).
const nestedValueSchema = z.unknown().refine((value) => isEncodableJson(value, MAX_ATTRIBUTE_NESTING), {
  message: `expected JSON of finite numbers nested at most ${String(MAX_ATTRIBUTE_NESTING)} deep`,
});

/**
 * An attribute value; arrays and key-value lists are kept as their JSON text. Long texts are shortened when stored
 * rather than refused, so that one long error message does not cost the whole export (the body limit bounds them).
 */
const otlpAnyValueSchema = z
  .object({
    stringValue: z.string().optional(),
    boolValue: z.boolean().optional(),
    intValue: z.union([z.string().regex(/^-?\d{1,20}$/), z.number().int()]).optional(),
    doubleValue: z.number().optional(),
    arrayValue: nestedValueSchema.optional(),
    kvlistValue: nestedValueSchema.optional(),
  })
  .optional();
export type OtlpAnyValue = z.infer<typeof otlpAnyValueSchema>;

const otlpAttributesSchema = z
  .array(z.object({ key: z.string().min(1).max(256), value: otlpAnyValueSchema }))
  .max(256)
  .default([]);

export const otlpSpanSchema = z.object({
  traceId: traceIdSchema,
  spanId: spanIdSchema,
  // The JSON encoding sends an absent parent as an empty string or leaves it out.
  parentSpanId: z.union([spanIdSchema, z.literal('')]).optional(),
  name: z.string().min(1),
  kind: z.number().int().min(0).max(5).default(0),
  startTimeUnixNano: unixNanoSchema,
  endTimeUnixNano: unixNanoSchema,
  attributes: otlpAttributesSchema,
  status: z
    .object({ code: z.number().int().min(0).max(2).default(0), message: z.string().optional() })
    .default({ code: 0 }),
});
export type OtlpSpan = z.infer<typeof otlpSpanSchema>;

/** `ExportTraceServiceRequest` in the OTLP/JSON encoding (hex ids, string timestamps). */
export const otlpTraceRequestSchema = z.object({
  resourceSpans: z
    .array(
      z.object({
        resource: z.object({ attributes: otlpAttributesSchema }).default({ attributes: [] }),
        scopeSpans: z
          .array(
            z.object({
              scope: z.object({ name: z.string().max(256).default('') }).default({ name: '' }),
              spans: z.array(otlpSpanSchema).default([]),
            }),
          )
          .default([]),
      }),
    )
    .max(64),
});
export type OtlpTraceRequest = z.infer<typeof otlpTraceRequestSchema>;

/** `ExportTraceServiceResponse`: empty when every span was stored. */
export const otlpTraceResponseSchema = z
  .object({
    partialSuccess: z
      .object({ rejectedSpans: z.number().int().nonnegative(), errorMessage: z.string() })
      .strict()
      .optional(),
  })
  .strict();
export type OtlpTraceResponse = z.infer<typeof otlpTraceResponseSchema>;

// ---- the trace views -------------------------------------------------------------------------------------------

export const SPAN_KINDS = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'] as const;
export const SPAN_STATUSES = ['unset', 'ok', 'error'] as const;

/** One span as stored: who ran it, its parent and timings (ms since the epoch, with fractions). */
export const traceSpanSchema = z
  .object({
    traceId: traceIdSchema,
    spanId: spanIdSchema,
    parentSpanId: spanIdSchema.nullable(),
    service: z.string(),
    scope: z.string(),
    name: z.string(),
    kind: z.enum(SPAN_KINDS),
    startMs: z.number().nonnegative(),
    durationMs: z.number().nonnegative(),
    status: z.enum(SPAN_STATUSES),
    statusMessage: z.string().optional(),
    attributes: z.record(z.union([z.string(), z.number(), z.boolean()])),
  })
  .strict();
export type TraceSpan = z.infer<typeof traceSpanSchema>;

/** GET /api/traces/:traceId: every stored span of the trace, by start time. */
export const traceViewSchema = z
  .object({
    traceId: traceIdSchema,
    services: z.array(z.string()),
    startedAt: z.string(),
    durationMs: z.number().nonnegative(),
    spans: z.array(traceSpanSchema),
  })
  .strict();
export type TraceView = z.infer<typeof traceViewSchema>;

/** One entry of GET /api/traces. */
export const traceSummarySchema = z
  .object({
    traceId: traceIdSchema,
    /** The span without a stored parent that started first: usually `measurement.ingest`. */
    rootName: z.string(),
    services: z.array(z.string()),
    spanCount: z.number().int().nonnegative(),
    startedAt: z.string(),
    durationMs: z.number().nonnegative(),
  })
  .strict();
export type TraceSummary = z.infer<typeof traceSummarySchema>;

export const TRACES_PAGE_MAX = 200;

/** GET /api/traces: the most recently received traces first. */
export const tracesQuerySchema = z
  .object({ limit: z.coerce.number().int().min(1).max(TRACES_PAGE_MAX).default(50) })
  .strict();
export type TracesQuery = z.infer<typeof tracesQuerySchema>;
