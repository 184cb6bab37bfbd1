import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import type { FastifyReply } from 'fastify';
import type { ExplorerService } from './explorer.service';
import { BLOCK_STREAM_MAX_BUFFERED_BYTES, ExplorerStreamController } from './stream.controller';

type Listener = Parameters<ExplorerService['onBlock']>[0];

/** A page's connection that takes the first write and then stops reading, as a stalled client does. */
function stalledPage(): { raw: Writable; reply: FastifyReply; written: string[] } {
  const written: string[] = [];
  const raw = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      written.push(chunk.toString());
      if (written.length === 1) {
        callback();
      }
    },
  });
  Object.assign(raw, { writeHead: () => raw });
  const reply = { hijack: () => undefined, raw } as unknown as FastifyReply;
  return { raw, reply, written };
}

describe('the dashboard block stream', () => {
  it('sends a page that stopped reading `overflow` and closes it, instead of buffering every block', () => {
    const listeners = new Set<Listener>();
    const explorer = {
      onBlock: (listener: Listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    } as unknown as ExplorerService;
    const { raw, reply } = stalledPage();
    new ExplorerStreamController(explorer).stream(reply);
    assert.equal(listeners.size, 1);
    const block = { number: 1, txs: 'x'.repeat(10_000) } as unknown as Parameters<Listener>[0];
    const subscribed = (): number => listeners.size;
    let sent = 0;
    while (subscribed() > 0 && sent < 1000) {
      for (const listener of listeners) {
        listener(block);
      }
      sent += 1;
    }
    assert.equal(subscribed(), 0, 'the page is no longer subscribed');
    assert.ok(raw.writableEnded, 'the stream was ended');
    assert.ok(raw.writableLength <= BLOCK_STREAM_MAX_BUFFERED_BYTES + 100, String(raw.writableLength));
    assert.ok(sent > 50 && sent < 200, `about 1 MiB of 10-KB blocks went out: ${String(sent)}`);
  });
});
