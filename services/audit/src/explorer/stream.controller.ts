import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, EVENT_STREAM_CONTENT } from '@metrochain/service-kit';
import type { FastifyReply } from 'fastify';
import { ExplorerService } from './explorer.service';

const KEEP_ALIVE_MS = 15_000;
/**
 * Bytes a page's stream may hold unsent: beyond it the page is sent `overflow` and closed, as the verification
 * service does with its auditors (its EventSource reconnects and reads the summary again). Without a bound, a page
 * that stopped reading made the audit buffer every block for as long as it stayed connected.
 */
export const BLOCK_STREAM_MAX_BUFFERED_BYTES = 1024 * 1024;
const OVERFLOW_FRAME = 'event: overflow\ndata: {"reason":"client too slow; reconnect"}\n\n';

/** `GET /api/stream`: each newly committed block as a server-sent event `block`, for the dashboard's live view. */
@ApiTags('explorer')
@Controller('api')
export class ExplorerStreamController {
  readonly #explorer: ExplorerService;
  readonly #maxBufferedBytes: number;

  constructor(@Inject(ExplorerService) explorer: ExplorerService) {
    this.#explorer = explorer;
    this.#maxBufferedBytes = BLOCK_STREAM_MAX_BUFFERED_BYTES;
  }

  @Get('stream')
  @Allow('auditor')
  @ApiOkResponse({
    content: EVENT_STREAM_CONTENT,
    description:
      'per new block `event: block`, `data: <block summary JSON>`; `: keep-alive` every 15 s; ' +
      '`event: overflow` and the end of the stream when the client holds more than 1 MiB unread.',
  })
  stream(@Res() reply: FastifyReply): void {
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    });
    raw.write('retry: 2000\n\n');
    raw.on('error', () => undefined);
    const unsubscribe = this.#explorer.onBlock((block) => {
      const frame = `id: ${block.number}\nevent: block\ndata: ${JSON.stringify(block)}\n\n`;
      if (raw.writableLength + Buffer.byteLength(frame) > this.#maxBufferedBytes) {
        stop();
        raw.end(OVERFLOW_FRAME);
        return;
      }
      raw.write(frame);
    });
    // A page with bytes still unsent is not idle; a comment would only add to its backlog.
    const keepAlive = setInterval(() => {
      if (raw.writableLength === 0) {
        raw.write(': keep-alive\n\n');
      }
    }, KEEP_ALIVE_MS);
    const stop = (): void => {
      clearInterval(keepAlive);
      unsubscribe();
    };
    raw.once('close', stop);
  }
}
