import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  MAX_TRACE_EXPORT_BYTES,
  type OtlpTraceResponse,
  TRACE_TOKEN_HEADER,
  type TraceSummary,
  type TraceView,
  traceIdSchema,
  tracesQuerySchema,
} from '@metrochain/contracts';
import { Allow, BodyLimit, ErrorBodyDto, Public, ZodParam, parseRequest } from '@metrochain/service-kit';
import type { FastifyRequest } from 'fastify';
import { TraceService } from './trace.service';
import {
  OtlpTraceRequestDto,
  OtlpTraceResponseDto,
  TraceSummaryDto,
  TraceViewDto,
  TracesQueryDto,
} from './traces.dto';

/** The OTLP/HTTP trace receiver of the services, and the trace views for auditors (docs/observability.md). */
@ApiTags('traces')
@Controller()
export class TracesController {
  readonly #traces: TraceService;

  constructor(@Inject(TraceService) traces: TraceService) {
    this.#traces = traces;
  }

  // Public in the sense of the access guard (exporters hold no NMI token); the service admits loopback callers
  // and holders of the trace token only.
  @Post('v1/traces')
  @Public()
  @HttpCode(HttpStatus.OK)
  @BodyLimit(MAX_TRACE_EXPORT_BYTES)
  @ApiOkResponse({ type: OtlpTraceResponseDto })
  @ApiForbiddenResponse({
    type: ErrorBodyDto,
    description: 'ACCESS_FORBIDDEN: not from this host and without the trace token.',
  })
  receive(
    @Body() body: OtlpTraceRequestDto,
    @Req() request: FastifyRequest,
    @Headers(TRACE_TOKEN_HEADER) token: string | undefined,
  ): Promise<OtlpTraceResponse> {
    return this.#traces.receive(body, { ip: request.socket.remoteAddress ?? '', token });
  }

  @Get('api/traces')
  @Allow('auditor')
  @ApiOkResponse({ type: TraceSummaryDto, isArray: true })
  list(@Query() query: TracesQueryDto): Promise<TraceSummary[]> {
    return this.#traces.list(parseRequest(tracesQuerySchema, query));
  }

  @Get('api/traces/:traceId')
  @Allow('auditor')
  @ZodParam('traceId', traceIdSchema)
  @ApiOkResponse({ type: TraceViewDto })
  @ApiNotFoundResponse({
    type: ErrorBodyDto,
    description: 'TRACE_UNKNOWN: no spans of that trace (or expired).',
  })
  get(@Param('traceId') traceId: string): Promise<TraceView> {
    return this.#traces.get(parseRequest(traceIdSchema, traceId));
  }
}
