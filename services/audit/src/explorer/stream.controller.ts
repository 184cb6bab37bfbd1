import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '@metrochain/service-kit';
import type { FastifyReply } from 'fastify';
import { ExplorerService } from './explorer.service';

const KEEP_ALIVE_MS = 15_000;

/** `GET /api/stream`: each newly committed block as a server-sent event `block`, for the dashboard's live view. */
@ApiTags('explorer')
@Controller('api')
export class ExplorerStreamController {
  readonly #explorer: ExplorerService;

  constructor(@Inject(ExplorerService) explorer: ExplorerService) {
    this.#explorer = explorer;
  }

  @Get('stream')
  @Allow('auditor')
  @ApiOkResponse({
    content: { 'text/event-stream': { schema: { type: 'string' } } },
    description: 'per new block `event: block`, `data: <block summary JSON>`; `: keep-alive` every 15 s.',
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
      raw.write(`id: ${block.number}\nevent: block\ndata: ${JSON.stringify(block)}\n\n`);
    });
    const keepAlive = setInterval(() => raw.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    raw.once('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  }
}
