import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { SseFrames } from './sse-frames';
import { verificationRecord } from './stream-fixtures';
import { type SseSink, StreamHub } from './stream-hub';

const silent = { log: (): void => undefined, warn: (): void => undefined };

/** A client connection: a fast one sends at once; a stalled one keeps every byte in its buffer. */
class FakeSink implements SseSink {
  readonly chunks: string[] = [];
  bufferedBytes = 0;
  ended = false;

  constructor(readonly stalled = false) {}

  write(chunk: string): void {
    assert.equal(this.ended, false, 'write after end');
    this.chunks.push(chunk);
    if (this.stalled) {
      this.bufferedBytes += Buffer.byteLength(chunk);
    }
  }

  end(): void {
    this.ended = true;
  }

  /** Verification ids received, in order. */
  get ids(): string[] {
    return this.chunks.flatMap((chunk) => /^id: (\S+)\n/.exec(chunk)?.[1] ?? []);
  }
}

const FRAME_BYTES = Buffer.byteLength(SseFrames.verification(verificationRecord()));

function newHub(maxBufferedBytes = 1024 * 1024): StreamHub {
  return new StreamHub({ maxBufferedBytes, logger: silent });
}

describe('StreamHub', () => {
  it('starts each stream with the reconnection delay', () => {
    const sink = new FakeSink();
    newHub().subscribe(sink, { auditor: 'a', filter: {} });
    assert.deepEqual(sink.chunks, ['retry: 2000\n\n']);
  });

  it('sends every record to every client whose filter matches it', () => {
    const hub = newHub();
    const all = new FakeSink();
    const meter2 = new FakeSink();
    const invalidOnly = new FakeSink();
    hub.subscribe(all, { auditor: 'a', filter: {} });
    hub.subscribe(meter2, { auditor: 'b', filter: { meterId: 'meter-2' } });
    hub.subscribe(invalidOnly, { auditor: 'c', filter: { outcome: 'invalid' } });
    hub.publish(verificationRecord({ index: 1, meterId: 'meter-1', outcome: 'valid' }));
    hub.publish(verificationRecord({ index: 2, meterId: 'meter-2', outcome: 'valid' }));
    hub.publish(verificationRecord({ index: 3, meterId: 'meter-1', outcome: 'invalid' }));
    assert.deepEqual(all.ids, ['vb-PTBMSP-spec-1.1', 'vb-PTBMSP-spec-1.2', 'vb-PTBMSP-spec-1.3']);
    assert.deepEqual(meter2.ids, ['vb-PTBMSP-spec-1.2']);
    assert.deepEqual(invalidOnly.ids, ['vb-PTBMSP-spec-1.3']);
    assert.equal(all.chunks[1], SseFrames.verification(verificationRecord({ index: 1, meterId: 'meter-1' })));
  });

  it('sends a record that arrives twice once (the topic after a local push, or a republished batch)', () => {
    const hub = newHub();
    const sink = new FakeSink();
    hub.subscribe(sink, { auditor: 'a', filter: {} });
    hub.publish(verificationRecord({ index: 1 }));
    hub.publish(verificationRecord({ index: 1 }));
    assert.deepEqual(sink.ids, ['vb-PTBMSP-spec-1.1']);
  });

  it('sends a slow client overflow and closes it once its buffer is full, without holding up the others', () => {
    const hub = newHub(3 * FRAME_BYTES + 20);
    const fast = new FakeSink();
    const slow = new FakeSink(true);
    hub.subscribe(fast, { auditor: 'fast', filter: {} });
    const leaveSlow = hub.subscribe(slow, { auditor: 'slow', filter: {} });
    for (let index = 0; index < 10; index += 1) {
      hub.publish(verificationRecord({ index }));
    }
    assert.equal(fast.ids.length, 10);
    assert.equal(fast.ended, false);
    assert.deepEqual(slow.ids, ['vb-PTBMSP-spec-1.0', 'vb-PTBMSP-spec-1.1', 'vb-PTBMSP-spec-1.2']);
    assert.equal(slow.chunks.at(-1), SseFrames.overflow);
    assert.equal(slow.ended, true);
    assert.equal(hub.size, 1);
    leaveSlow(); // the connection's close event after the hub dropped it
    assert.equal(hub.size, 1);
  });

  it('stops sending to a client that left', () => {
    const hub = newHub();
    const sink = new FakeSink();
    const leave = hub.subscribe(sink, { auditor: 'a', filter: {} });
    leave();
    hub.publish(verificationRecord({ index: 1 }));
    assert.deepEqual(sink.ids, []);
    assert.equal(hub.size, 0);
  });

  it('ends every stream on close, and any stream opened later at once', () => {
    const hub = newHub();
    const sinks = [new FakeSink(), new FakeSink()];
    for (const sink of sinks) {
      hub.subscribe(sink, { auditor: 'a', filter: {} });
    }
    hub.beforeApplicationShutdown();
    assert.deepEqual(
      sinks.map((sink) => sink.ended),
      [true, true],
    );
    assert.equal(hub.size, 0);
    const late = new FakeSink();
    hub.subscribe(late, { auditor: 'late', filter: {} });
    assert.equal(late.ended, true);
    assert.deepEqual(late.chunks, []);
  });

  describe('keep-alive', () => {
    beforeEach(() => {
      mock.timers.enable({ apis: ['setInterval'] });
    });
    afterEach(() => {
      mock.timers.reset();
    });

    it('comments every 15 s to idle clients only, and stops when the last client left', () => {
      const hub = newHub();
      const idle = new FakeSink();
      const backlogged = new FakeSink(true);
      const leaveIdle = hub.subscribe(idle, { auditor: 'idle', filter: {} });
      const leaveBacklogged = hub.subscribe(backlogged, { auditor: 'busy', filter: {} });
      mock.timers.tick(14_999);
      assert.equal(idle.chunks.includes(SseFrames.keepAlive), false);
      mock.timers.tick(1);
      mock.timers.tick(15_000);
      assert.equal(idle.chunks.filter((chunk) => chunk === SseFrames.keepAlive).length, 2);
      assert.equal(backlogged.chunks.includes(SseFrames.keepAlive), false);
      leaveIdle();
      leaveBacklogged();
      // The timer restarts with the next client: nothing 15 s after the old schedule, one 15 s after joining.
      mock.timers.tick(5_000);
      const next = new FakeSink();
      hub.subscribe(next, { auditor: 'next', filter: {} });
      mock.timers.tick(10_000);
      assert.equal(next.chunks.includes(SseFrames.keepAlive), false);
      mock.timers.tick(5_000);
      assert.deepEqual(next.chunks, [SseFrames.retry(2000), SseFrames.keepAlive]);
    });
  });
});
