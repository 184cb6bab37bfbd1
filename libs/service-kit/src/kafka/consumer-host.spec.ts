import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { Logger } from '@nestjs/common';
import type { BatchHandler, EventHandler } from '@metrochain/messaging';
import { ConsumerHost } from './consumer-host';

/** The consumer's lifecycle calls in order; `failOn` makes one of them reject. */
class FakeConsumer {
  readonly topic = 'meter.lifecycle.v1' as const;
  readonly calls: string[] = [];
  handler: EventHandler<'meter.lifecycle.v1'> | undefined;
  batchHandler: BatchHandler<'meter.lifecycle.v1'> | undefined;
  failOn: string | undefined;

  connect(): Promise<void> {
    return this.#call('connect');
  }

  run(handler: EventHandler<'meter.lifecycle.v1'>): Promise<void> {
    this.handler = handler;
    return this.#call('run');
  }

  runBatches(batchHandler: BatchHandler<'meter.lifecycle.v1'>): Promise<void> {
    this.batchHandler = batchHandler;
    return this.#call('runBatches');
  }

  stop(): Promise<void> {
    return this.#call('stop');
  }

  disconnect(): Promise<void> {
    return this.#call('disconnect');
  }

  #call(name: string): Promise<void> {
    this.calls.push(name);
    return name === this.failOn ? Promise.reject(new Error(`${name} failed`)) : Promise.resolve();
  }
}

const handler: EventHandler<'meter.lifecycle.v1'> = () => Promise.resolve();

describe('ConsumerHost', () => {
  before(() => {
    Logger.overrideLogger(false);
  });

  it('connects, then runs the handler, once the application has started', async () => {
    const consumer = new FakeConsumer();
    await new ConsumerHost(consumer, handler).onApplicationBootstrap();
    assert.deepEqual(consumer.calls, ['connect', 'run']);
    assert.equal(consumer.handler, handler);
  });

  it('stops, then disconnects, before the application shuts down, and only once', async () => {
    const consumer = new FakeConsumer();
    const host = new ConsumerHost(consumer, handler);
    await host.onApplicationBootstrap();
    await host.beforeApplicationShutdown();
    await host.beforeApplicationShutdown();
    assert.deepEqual(consumer.calls, ['connect', 'run', 'stop', 'disconnect']);
  });

  it('does nothing at shutdown when it never started', async () => {
    const consumer = new FakeConsumer();
    await new ConsumerHost(consumer, handler).beforeApplicationShutdown();
    assert.deepEqual(consumer.calls, []);
  });

  it('fails the start when the consumer cannot connect, and then has nothing to stop', async () => {
    const consumer = new FakeConsumer();
    consumer.failOn = 'connect';
    const host = new ConsumerHost(consumer, handler);
    await assert.rejects(host.onApplicationBootstrap(), /connect failed/);
    await host.beforeApplicationShutdown();
    assert.deepEqual(consumer.calls, ['connect']);
  });

  it('runs a batch handler through runBatches', async () => {
    const consumer = new FakeConsumer();
    const batches: BatchHandler<'meter.lifecycle.v1'> = () => Promise.resolve();
    await new ConsumerHost(consumer, { batches }).onApplicationBootstrap();
    assert.deepEqual(consumer.calls, ['connect', 'runBatches']);
    assert.equal(consumer.batchHandler, batches);
  });

  it('still leaves the group when stopping fails, and lets the shutdown go on', async () => {
    const consumer = new FakeConsumer();
    consumer.failOn = 'stop';
    const host = new ConsumerHost(consumer, handler);
    await host.onApplicationBootstrap();
    await host.beforeApplicationShutdown();
    await host.beforeApplicationShutdown();
    assert.deepEqual(consumer.calls, ['connect', 'run', 'stop', 'disconnect']);
  });
});
