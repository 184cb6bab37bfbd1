import { Controller, Get, Headers, Inject, Query, Res, UseFilters } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiProduces,
  ApiQuery,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { meterIdSchema } from '@metrochain/contracts';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { VerificationErrorCode, verificationError } from '../verify/verification-error';
import { VerificationErrorFilter } from '../verify/verifications.controller';
import { type AuditorToken, authenticate } from './auditor-tokens';
import { type StreamFilter, StreamHub } from './stream-hub';

export const AUDITOR_TOKENS = 'VERIFICATION_AUDITOR_TOKENS';

const filterSchema = z
  .object({ meterId: meterIdSchema.optional(), outcome: z.enum(['valid', 'invalid']).optional() })
  .strict();

/**
 * `GET /verifications/stream`: every verification outcome of every instance, as server-sent events, for
 * authenticated auditors (bearer token). Fastify routes this static path before `/verifications/:verificationId`.
 */
@ApiTags('verifications')
@Controller('verifications')
@UseFilters(VerificationErrorFilter)
export class AuditorStreamController {
  readonly #hub: StreamHub;
  readonly #tokens: readonly AuditorToken[];

  constructor(@Inject(StreamHub) hub: StreamHub, @Inject(AUDITOR_TOKENS) tokens: readonly AuditorToken[]) {
    this.#hub = hub;
    this.#tokens = tokens;
  }

  @Get('stream')
  @ApiBearerAuth()
  @ApiProduces('text/event-stream')
  @ApiQuery({ name: 'meterId', required: false })
  @ApiQuery({ name: 'outcome', required: false, enum: ['valid', 'invalid'] })
  @ApiOkResponse({ description: 'event: verification, id: verificationId, data: the log record (JSON)' })
  @ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: missing or unknown bearer token' })
  @ApiServiceUnavailableResponse({ description: 'STREAM_DISABLED: no auditor tokens configured' })
  stream(
    @Headers('authorization') authorization: string | undefined,
    @Query() query: Record<string, unknown>,
    @Res() reply: FastifyReply,
  ): void {
    authenticate(this.#tokens, authorization);
    const parsed = filterSchema.safeParse(query);
    if (!parsed.success) {
      throw verificationError(
        VerificationErrorCode.REQUEST_INVALID,
        'filters: meterId=<id>, outcome=valid|invalid',
      );
    }
    const filter: StreamFilter = parsed.data;
    void reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const leave = this.#hub.join(
      {
        write: (chunk) => raw.write(chunk),
        get pendingBytes() {
          return raw.writableLength;
        },
        end: () => raw.end(),
      },
      filter,
    );
    raw.on('close', leave);
  }
}
