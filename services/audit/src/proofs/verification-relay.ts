import { once } from 'node:events';
import type { FastifyReply } from 'fastify';

/**
 * Relays the verification service's SSE stream to one dashboard page, on the auditor's own credential (so the
 * verification service applies its own access rule). The upstream request ends when the page goes. A page that
 * reads slowly slows the relay's reading of the upstream (it waits for `drain`), so the audit buffers at most a
 * socket's worth; the verification service, seeing its own buffer for this stream fill, sends `overflow` and closes,
 * which ends the page's stream too.
 */
export class VerificationRelay {
  readonly #streamUrl: string;

  constructor(verificationUrl: string) {
    this.#streamUrl = `${verificationUrl}/verifications/stream`;
  }

  async relay(credential: string, reply: FastifyReply): Promise<void> {
    reply.hijack();
    const raw = reply.raw;
    const upstream = new AbortController();
    raw.on('error', () => undefined);
    raw.once('close', () => {
      upstream.abort();
    });
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    });
    raw.write('retry: 3000\n\n');
    try {
      const response = await fetch(this.#streamUrl, {
        headers: { authorization: `Bearer ${credential}`, accept: 'text/event-stream' },
        signal: upstream.signal,
      });
      if (!response.ok || response.body === null) {
        raw.write(`event: unavailable\ndata: ${JSON.stringify({ status: response.status })}\n\n`);
        return;
      }
      for await (const chunk of response.body) {
        if (!raw.write(chunk) && !raw.destroyed) {
          await drainedOrClosed(raw);
        }
        if (raw.destroyed) {
          break;
        }
      }
    } catch {
      if (!upstream.signal.aborted) {
        raw.write('event: unavailable\ndata: {}\n\n');
      }
    } finally {
      raw.end();
    }
  }
}

/** Resolves when `stream` can take more or has closed; neither listener outlives the wait. */
async function drainedOrClosed(stream: NodeJS.EventEmitter): Promise<void> {
  const done = new AbortController();
  try {
    await Promise.race([
      once(stream, 'drain', { signal: done.signal }),
      once(stream, 'close', { signal: done.signal }),
    ]);
  } finally {
    done.abort();
  }
}
