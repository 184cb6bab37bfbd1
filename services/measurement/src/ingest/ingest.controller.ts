import { Body, Controller, Headers, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiPayloadTooLargeResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  type IngestResponse,
  MAX_INGEST_BATCH_BODY_BYTES,
  MAX_INGEST_BODY_BYTES,
} from '@metrochain/contracts';
import { BodyLimit, ErrorBodyDto, Public } from '@metrochain/service-kit';
import { IngestApi, type RequestHeaders, requestTrace } from './ingest-api';
import { IngestBatchRequestDto, IngestResponseDto, ReadingDto } from './ingest.dto';

const UNAVAILABLE =
  'INGEST_UNAVAILABLE: none of the readings is confirmed; send the request again. INGEST_OVERLOADED: the pipeline ' +
  'holds as many readings as it can record in time; nothing accepted, send the same request again after ' +
  'Retry-After seconds.';

@ApiTags('readings')
@Controller('readings')
// Meters are authenticated by the signatures on their readings (checked by verification and the chaincode), not
// by a token; ingest is limited per meter and per client instead.
@Public()
export class IngestController {
  readonly #api: IngestApi;

  constructor(@Inject(IngestApi) api: IngestApi) {
    this.#api = api;
  }

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @BodyLimit(MAX_INGEST_BODY_BYTES)
  @ApiAcceptedResponse({ type: IngestResponseDto, description: 'Accepted: durably queued for verification.' })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'REQUEST_INVALID; nothing accepted.' })
  @ApiPayloadTooLargeResponse({ type: ErrorBodyDto, description: 'PAYLOAD_TOO_LARGE: over 256 KiB.' })
  @ApiServiceUnavailableResponse({ type: ErrorBodyDto, description: UNAVAILABLE })
  ingest(@Body() body: ReadingDto, @Headers() headers: RequestHeaders): Promise<IngestResponse> {
    return this.#api.ingest(body, requestTrace(headers));
  }

  @Post('batch')
  @HttpCode(HttpStatus.ACCEPTED)
  @BodyLimit(MAX_INGEST_BATCH_BODY_BYTES)
  @ApiAcceptedResponse({
    type: IngestResponseDto,
    description: 'Every reading accepted, ids in request order.',
  })
  @ApiBadRequestResponse({
    type: ErrorBodyDto,
    description: 'REQUEST_INVALID (any reading) or BATCH_TOO_LARGE (over 500); nothing accepted.',
  })
  @ApiPayloadTooLargeResponse({ type: ErrorBodyDto, description: 'PAYLOAD_TOO_LARGE: over 4 MiB.' })
  @ApiServiceUnavailableResponse({ type: ErrorBodyDto, description: UNAVAILABLE })
  ingestBatch(
    @Body() body: IngestBatchRequestDto,
    @Headers() headers: RequestHeaders,
  ): Promise<IngestResponse> {
    return this.#api.ingestBatch(body, requestTrace(headers));
  }
}
