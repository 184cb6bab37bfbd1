import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@metrochain/contracts';
import { Allow, CurrentPrincipal, zodDto, EVENT_STREAM_CONTENT } from '@metrochain/service-kit';
import type { FastifyReply } from 'fastify';
import { openSseResponse } from './sse-response';
import { parseStreamFilter, streamQuerySchema } from './stream-filter';
import { StreamHub } from './stream-hub';

/** The query parameters as the OpenAPI document lists them, from the schema that checks them. */
class StreamQueryDto extends zodDto(streamQuerySchema) {}

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
  @ApiOkResponse({
    content: EVENT_STREAM_CONTENT,
    description:
      '`retry: 2000`, then per record `id: <verificationId>`, `event: verification`, `data: <record JSON>`; ' +
      '`: keep-alive` every 15 s; `event: overflow` before closing a client that fell too far behind.',
  })
  stream(
    @CurrentPrincipal() auditor: Principal,
    @Query() query: StreamQueryDto,
    @Res() reply: FastifyReply,
  ): void {
    const subscription = {
      auditor: `${auditor.issuer}/${auditor.name}`,
      filter: parseStreamFilter(query),
    };
    const response = openSseResponse(reply);
    response.onClose(this.#hub.subscribe(response, subscription));
  }
}
