import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@metrochain/contracts';
import { Allow, CurrentPrincipal, ErrorBodyDto } from '@metrochain/service-kit';
import type { FastifyReply } from 'fastify';
import { openSseResponse } from './sse-response';
import { parseStreamFilter } from './stream-filter';
import { StreamHub } from './stream-hub';

/**
 * `GET /verifications/stream` (VerificationApiPaths.stream): every verification outcome of every instance as
 * server-sent events, for auditors. Fastify matches this static path before
 * `/verifications/:verificationId`.
 */
@ApiTags('verifications')
@Controller('verifications')
export class StreamController {
  readonly #hub: StreamHub;

  constructor(@Inject(StreamHub) hub: StreamHub) {
    this.#hub = hub;
  }

  @Get('stream')
  @Allow('auditor')
  @ApiProduces('text/event-stream')
  @ApiQuery({ name: 'meterId', required: false })
  @ApiQuery({ name: 'outcome', required: false, enum: ['valid', 'invalid'] })
  @ApiOkResponse({
    description:
      '`retry: 2000`, then per record `id: <verificationId>`, `event: verification`, `data: <record JSON>`; ' +
      '`: keep-alive` every 15 s; `event: overflow` before closing a client that fell too far behind.',
  })
  @ApiBadRequestResponse({
    type: ErrorBodyDto,
    description: 'REQUEST_INVALID: filters are meterId=<id> and outcome=valid|invalid',
  })
  stream(@CurrentPrincipal() auditor: Principal, @Query() query: unknown, @Res() reply: FastifyReply): void {
    const subscription = {
      auditor: `${auditor.issuer}/${auditor.name}`,
      filter: parseStreamFilter(query),
    };
    const response = openSseResponse(reply);
    response.onClose(this.#hub.subscribe(response, subscription));
  }
}
