import type { FastifyReply } from 'fastify';
import type { SseSink } from './stream-hub';

/** The response headers of an event stream: never cached or transformed, never buffered by a proxy (nginx). */
export const SSE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
};

/** An open event stream on a Fastify reply, and how to learn that its connection went. */
export interface SseResponse extends SseSink {
  onClose(listener: () => void): void;
}

/**
 * Takes the reply over from Fastify (which would otherwise end it when the handler returns) and writes the
 * status and headers at once, so the client sees the stream open before the first event. Writes go to the
 * response's own buffer, whose size the hub bounds; a write failure surfaces as the connection closing.
 */
export function openSseResponse(reply: FastifyReply): SseResponse {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, SSE_HEADERS);
  raw.flushHeaders();
  // A socket error is followed by 'close'; the listener only keeps it from becoming an uncaught exception.
  raw.on('error', () => undefined);
  return {
    write: (chunk) => {
      if (!raw.writableEnded && !raw.destroyed) {
        raw.write(chunk);
      }
    },
    get bufferedBytes(): number {
      return raw.writableLength;
    },
    end: () => {
      if (!raw.writableEnded) {
        raw.end();
      }
    },
    onClose: (listener) => {
      // The client may have gone before the stream was subscribed; 'close' would then never come again.
      if (raw.closed || raw.destroyed) {
        listener();
      } else {
        raw.once('close', listener);
      }
    },
  };
}
