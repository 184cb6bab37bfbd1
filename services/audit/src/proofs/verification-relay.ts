import type { FastifyReply } from 'fastify';

/**
 * Relays the verification service's SSE stream to one dashboard page, on the auditor's own credential (so the
 * verification service applies its own access rule). The upstream request ends when the page goes.
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
        raw.write(chunk);
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
