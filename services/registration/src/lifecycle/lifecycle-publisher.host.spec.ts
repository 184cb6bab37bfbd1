import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lifecyclePublisherStatusSchema } from '@metrochain/contracts';
import { LifecyclePublisherHost } from './lifecycle-publisher.host';

class FakePublisher {
  leading = false;
  lastPublished: { txId: string; blockNumber: number; publishedAt: string } | undefined;
  runs = 0;
  stopped = false;

  async run(signal: AbortSignal): Promise<void> {
    this.runs += 1;
    this.leading = true;
    await new Promise<void>((resolve) => {
      signal.addEventListener('abort', () => {
        resolve();
      });
    });
    this.leading = false;
    this.stopped = true;
  }
}

describe('LifecyclePublisherHost', () => {
  it('runs the publisher from bootstrap until shutdown and reports its state', async () => {
    const publisher = new FakePublisher();
    const host = new LifecyclePublisherHost({ publisher, enabled: true, instanceId: 'ptb-1', msp: 'PTBMSP' });
    host.onApplicationBootstrap();
    publisher.lastPublished = {
      txId: 'a'.repeat(64),
      blockNumber: 4,
      publishedAt: '2025-01-01T00:00:00.000Z',
    };
    const status = host.status();
    assert.deepEqual(lifecyclePublisherStatusSchema.parse(status), status);
    assert.deepEqual(status, {
      instanceId: 'ptb-1',
      msp: 'PTBMSP',
      enabled: true,
      leading: true,
      lastPublished: publisher.lastPublished,
    });
    await host.beforeApplicationShutdown();
    assert.equal(publisher.stopped, true);
    assert.equal(host.status().leading, false);
  });

  it('never runs a disabled publisher', async () => {
    const publisher = new FakePublisher();
    const host = new LifecyclePublisherHost({
      publisher,
      enabled: false,
      instanceId: 'ptb-1',
      msp: 'PTBMSP',
    });
    host.onApplicationBootstrap();
    await host.beforeApplicationShutdown();
    assert.equal(publisher.runs, 0);
    assert.deepEqual(host.status(), {
      instanceId: 'ptb-1',
      msp: 'PTBMSP',
      enabled: false,
      leading: false,
      lastPublished: null,
    });
  });
});
