import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { afterEach, describe, it } from 'node:test';
import { stopKafkajsIdleLoop } from './kafkajs-idle-loop';

// kafkajs' own RequestQueue, driven through its public methods with a silent logger.
interface PushedRequest {
  entry: { correlationId: number; resolve: () => void; reject: () => void };
  expectResponse: boolean;
  sendRequest: () => void;
}

interface Queue {
  pending: unknown[];
  inflight: Map<number, unknown>;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  push(request: PushedRequest): void;
  fulfillRequest(response: { correlationId: number; payload: Buffer; size: number }): void;
  maybeThrottle(ms: number): void;
  checkPendingRequests(): void;
  destroy(): void;
}
type QueueClass = new (options: object) => Queue;

const RequestQueue = createRequire(require.resolve('kafkajs'))('./src/network/requestQueue') as QueueClass;
const silent = {
  debug: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  error: () => undefined,
};
const queues: Queue[] = [];

function newQueue(maxInFlightRequests: number): Queue {
  const queue = new RequestQueue({
    maxInFlightRequests,
    requestTimeout: 30_000,
    enforceRequestTimeout: false,
    clientId: 'spec',
    broker: 'localhost:9092',
    logger: silent,
  });
  queues.push(queue);
  return queue;
}

function request(correlationId: number, sent: number[]): PushedRequest {
  const entry = { correlationId, resolve: () => undefined, reject: () => undefined };
  return {
    entry,
    expectResponse: true,
    sendRequest: () => {
      sent.push(correlationId);
    },
  };
}

describe('stopKafkajsIdleLoop', () => {
  stopKafkajsIdleLoop();
  stopKafkajsIdleLoop();
  afterEach(() => {
    for (const queue of queues.splice(0)) {
      queue.destroy();
    }
  });

  it('schedules no check while nothing is pending and nothing throttles (kafkajs alone ran one every 1 ms)', () => {
    const queue = newQueue(1);
    const sent: number[] = [];
    queue.push(request(1, sent));
    queue.fulfillRequest({ correlationId: 1, payload: Buffer.alloc(0), size: 0 });
    queue.checkPendingRequests();
    assert.deepEqual([sent, queue.pending.length, queue.throttleCheckTimeoutId], [[1], 0, null]);
  });

  it('still sends a request that had to wait for the one in flight', () => {
    const queue = newQueue(1);
    const sent: number[] = [];
    queue.push(request(1, sent));
    queue.push(request(2, sent));
    assert.deepEqual([sent, queue.pending.length], [[1], 1]);
    assert.notEqual(queue.throttleCheckTimeoutId, null);
    queue.fulfillRequest({ correlationId: 1, payload: Buffer.alloc(0), size: 0 });
    assert.deepEqual([sent, queue.pending.length], [[1, 2], 0]);
  });

  it('still checks again when a throttle ends, sending what waited for it', async () => {
    const queue = newQueue(5);
    const sent: number[] = [];
    queue.maybeThrottle(30);
    queue.push(request(1, sent));
    assert.deepEqual(sent, []);
    assert.notEqual(queue.throttleCheckTimeoutId, null);
    await new Promise((resolve) => setTimeout(resolve, 80));
    assert.deepEqual(sent, [1]);
  });
});
