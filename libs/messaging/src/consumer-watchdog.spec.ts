import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { describe, it } from 'node:test';
import { ConsumerWatchdog, type WatchableConsumer } from './consumer-watchdog';

const EVENTS = {
  HEARTBEAT: 'consumer.heartbeat',
  FETCH_START: 'consumer.fetch_start',
  GROUP_JOIN: 'consumer.group_join',
  END_BATCH_PROCESS: 'consumer.end_batch_process',
  CRASH: 'consumer.crash',
};

/** A consumer's instrumentation events as kafkajs emits them (`on` returns a remover there; unused here). */
function fakeConsumer(): EventEmitter & WatchableConsumer {
  const emitter = new EventEmitter();
  return Object.assign(emitter, { events: EVENTS }) as unknown as EventEmitter & WatchableConsumer;
}

function setup(): { clock: { now: number }; reasons: string[]; watchdog: ConsumerWatchdog } {
  const clock = { now: 0 };
  const reasons: string[] = [];
  const watchdog = new ConsumerWatchdog(
    (reason) => {
      reasons.push(reason);
      return Promise.resolve();
    },
    { stallMs: 90_000, now: () => clock.now },
  );
  return { clock, reasons, watchdog };
}

describe('ConsumerWatchdog', () => {
  it('replaces a consumer that shows no heartbeat, fetch or join for longer than the stall time', async () => {
    const { clock, reasons, watchdog } = setup();
    const consumer = fakeConsumer();
    watchdog.observe(consumer);
    clock.now = 60_000;
    consumer.emit(EVENTS.HEARTBEAT, {});
    clock.now = 140_000;
    watchdog.check();
    assert.deepEqual(reasons, [], 'alive 80 s ago: not stalled');
    clock.now = 151_000;
    watchdog.check();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(reasons.length, 1);
    assert.match(String(reasons[0]), /no heartbeat, fetch or join for 91 s/);
  });

  it('leaves a consumer alone while a handler runs, however long', async () => {
    const { clock, reasons, watchdog } = setup();
    let finish = (): void => undefined;
    const handling = watchdog.busy(() => new Promise<void>((resolve) => (finish = resolve)));
    clock.now = 500_000;
    watchdog.check();
    assert.deepEqual(reasons, []);
    finish();
    await handling;
    clock.now = 550_000;
    watchdog.check();
    assert.deepEqual(reasons, [], 'the end of the handler counts as a sign of life');
  });

  it('replaces at once after a crash kafkajs will not restart from, not after one it restarts', async () => {
    const { reasons, watchdog } = setup();
    const consumer = fakeConsumer();
    watchdog.observe(consumer);
    consumer.emit(EVENTS.CRASH, { payload: { restart: true } });
    consumer.emit(EVENTS.CRASH, { payload: { restart: false } });
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(reasons, ['kafkajs crashed and will not restart the consumer']);
  });

  it('does not watch a fake without events', () => {
    const { watchdog } = setup();
    assert.doesNotThrow(() => {
      watchdog.observe({});
    });
  });

  it('replaces on demand once however often asked while it runs, and never rejects', async () => {
    let calls = 0;
    let finish: () => void = () => undefined;
    const watchdog = new ConsumerWatchdog(() => {
      calls += 1;
      return calls === 1
        ? new Promise<void>((resolve) => {
            finish = resolve;
          })
        : Promise.reject(new Error('no broker'));
    });
    const first = watchdog.replaceNow('offset commits failed');
    await watchdog.replaceNow('offset commits failed again');
    assert.equal(calls, 1);
    finish();
    await first;
    await watchdog.replaceNow('and once more');
    assert.equal(calls, 2, 'a new request once the first is done; its failure is swallowed');
  });
});
