import { Controller, Get, Headers, Inject, Query, Res, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiProduces,
  ApiQuery,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuditorTokens } from './auditor-tokens';
import { openSseResponse } from './sse-response';
import { StreamErrorFilter } from './stream-error';
import { parseStreamFilter } from './stream-filter';
import { StreamHub } from './stream-hub';

/**
 * `GET /verifications/stream` (VerificationApiPaths.stream): every verification outcome of every instance as
 * server-sent events, for auditors with a bearer token. Fastify matches this static path before
 * `/verifications/:verificationId`.
 */
@ApiTags('verifications')
@Controller('verifications')
@UseFilters(StreamErrorFilter)
export class StreamController {
  readonly #auditors: AuditorTokens;
  readonly #hub: StreamHub;

  constructor(@Inject(AuditorTokens) auditors: AuditorTokens, @Inject(StreamHub) hub: StreamHub) {
    this.#auditors = auditors;
    this.#hub = hub;
  }

  @Get('stream')
  @ApiBearerAuth()
  @ApiProduces('text/event-stream')
  @ApiQuery({ name: 'meterId', required: false })
  @ApiQuery({ name: 'outcome', required: false, enum: ['valid', 'invalid'] })
  @ApiOkResponse({
    description:
      '`retry: 2000`, then per record `id: <verificationId>`, `event: verification`, `data: <record JSON>`; ' +
      '`: keep-alive` every 15 s; `event: overflow` before closing a client that fell too far behind.',
  })
  @ApiBadRequestResponse({
    description: 'REQUEST_INVALID: filters are meterId=<id> and outcome=valid|invalid',
  })
  @ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: missing or unknown bearer token' })
  @ApiServiceUnavailableResponse({ description: 'STREAM_DISABLED: no auditor is configured' })
  stream(
    @Headers('authorization') authorization: string | undefined,
    @Query() query: unknown,
    @Res() reply: FastifyReply,
  ): void {
    const subscription = {
      auditor: this.#auditors.authenticate(authorization),
      filter: parseStreamFilter(query),
    };
    const response = openSseResponse(reply);
    response.onClose(this.#hub.subscribe(response, subscription));
  }
}
