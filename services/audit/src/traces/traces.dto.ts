import {
  otlpTraceRequestSchema,
  otlpTraceResponseSchema,
  traceSummarySchema,
  traceViewSchema,
  tracesQuerySchema,
} from '@metrochain/contracts';
import { zodDto } from '@metrochain/service-kit';

// OpenAPI shapes generated from the zod schemas in libs/contracts, which the service validates with.

export class OtlpTraceRequestDto extends zodDto(otlpTraceRequestSchema) {}
export class OtlpTraceResponseDto extends zodDto(otlpTraceResponseSchema) {}
export class TraceSummaryDto extends zodDto(traceSummarySchema) {}
export class TraceViewDto extends zodDto(traceViewSchema) {}
export class TracesQueryDto extends zodDto(tracesQuerySchema) {}
