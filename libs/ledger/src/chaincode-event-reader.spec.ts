import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { status as GrpcStatus } from '@grpc/grpc-js';
import {
  type ChaincodeEvent,
  type ChaincodeEventsOptions,
  type Checkpointer,
  checkpointers,
} from '@hyperledger/fabric-gateway';
import { z } from 'zod';
import {
  ChaincodeEventReader,
  type ChaincodeEventSource,
  newChaincodeEventReader,
  parseEventPayload,
} from './chaincode-event-reader';
import { LedgerError } from './ledger-error';
import { FakeEventStream, chaincodeEvent, serviceError } from './testing/fabric-fakes';

function source(
  stream: FakeEventStream,
): ChaincodeEventSource & { requests: [string, ChaincodeEventsOptions | undefined][] } {
  const requests: [string, ChaincodeEventsOptions | undefined][] = [];
  return {
    requests,
    getChaincodeEvents: (chaincode, options) => {
      requests.push([chaincode, options]);
      return Promise.resolve(stream);
    },
  };
}

/** Records checkpoints in the same log as the handler, to check their order. */
function loggingCheckpointer(log: string[]): Checkpointer {
  const inner = checkpointers.inMemory();
  return {
    getBlockNumber: () => inner.getBlockNumber(),
    getTransactionId: () => inner.getTransactionId(),
    checkpointBlock: (block) => inner.checkpointBlock(block),
    checkpointTransaction: (block, tx) => inner.checkpointTransaction(block, tx),
    checkpointChaincodeEvent: async (event) => {
      log.push(`checkpoint ${event.transactionId}`);
      await inner.checkpointChaincodeEvent(event);
    },
  };
}

const events = [chaincodeEvent(5n, 'tx-a'), chaincodeEvent(6n, 'tx-b')];

describe('ChaincodeEventReader', () => {
  it('checkpoints each event after its handler returned and closes the stream when aborted', async () => {
    const log: string[] = [];
    const stream = new FakeEventStream(events);
    const network = source(stream);
    const checkpointer = loggingCheckpointer(log);
    const reader = new ChaincodeEventReader({
      network,
      chaincode: 'metrochain',
      checkpointer,
      startBlock: 3n,
    });
    const abort = new AbortController();
    await reader.run(async (event) => {
      log.push(`handle ${event.transactionId}`);
      await Promise.resolve();
      if (event.transactionId === 'tx-b') {
        abort.abort();
      }
    }, abort.signal);
    assert.deepEqual(log, ['handle tx-a', 'checkpoint tx-a', 'handle tx-b', 'checkpoint tx-b']);
    assert.ok(stream.closeCount >= 1);
    assert.deepEqual(network.requests, [['metrochain', { checkpoint: checkpointer, startBlock: 3n }]]);
    assert.equal(checkpointer.getBlockNumber(), 6n);
  });

  it('does not checkpoint an event whose handler failed, and closes the stream', async () => {
    const log: string[] = [];
    const stream = new FakeEventStream(events);
    const reader = new ChaincodeEventReader({
      network: source(stream),
      chaincode: 'metrochain',
      checkpointer: loggingCheckpointer(log),
    });
    const failure = new Error('handler failed');
    await assert.rejects(
      reader.run((event) => (event.transactionId === 'tx-b' ? Promise.reject(failure) : Promise.resolve())),
      (error) => error === failure,
    );
    assert.deepEqual(log, ['checkpoint tx-a']);
    assert.equal(stream.closeCount, 1);
  });

  it('reports a broken stream as a LedgerError', async () => {
    const stream = new FakeEventStream([], serviceError(GrpcStatus.UNAVAILABLE, 'peer went away'));
    const reader = new ChaincodeEventReader({
      network: source(stream),
      chaincode: 'metrochain',
      checkpointer: checkpointers.inMemory(),
    });
    await assert.rejects(
      reader.run(() => Promise.resolve()),
      LedgerError,
    );
    assert.equal(stream.closeCount, 1);
  });

  it('iterates with for await and closes when the loop breaks', async () => {
    const stream = new FakeEventStream(events);
    const reader = new ChaincodeEventReader({
      network: source(stream),
      chaincode: 'metrochain',
      checkpointer: checkpointers.inMemory(),
    });
    const seen: string[] = [];
    for await (const event of reader) {
      seen.push(event.transactionId);
      break;
    }
    assert.deepEqual(seen, ['tx-a']);
    assert.equal(stream.closeCount, 1);
  });

  it('does not open a stream when already aborted', async () => {
    const network = source(new FakeEventStream(events));
    const reader = new ChaincodeEventReader({
      network,
      chaincode: 'metrochain',
      checkpointer: checkpointers.inMemory(),
    });
    await reader.run(() => assert.fail('no event expected'), AbortSignal.abort());
    assert.deepEqual(network.requests, []);
  });

  it('resumes from a checkpoint file after a restart', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'metrochain-events-'));
    try {
      const checkpointFile = path.join(dir, 'governance.checkpoint.json');
      const first = await newChaincodeEventReader({
        network: source(new FakeEventStream(events)),
        chaincode: 'metrochain',
        checkpointFile,
      });
      const abort = new AbortController();
      const handled: string[] = [];
      await first.run((event) => {
        handled.push(event.transactionId);
        if (event.transactionId === 'tx-a') {
          abort.abort();
        }
        return Promise.resolve();
      }, abort.signal);
      assert.deepEqual(handled, ['tx-a']);
      const network = source(new FakeEventStream([]));
      const second = await newChaincodeEventReader({
        network,
        chaincode: 'metrochain',
        checkpointFile,
        startBlock: 0n,
      });
      await second.run(() => Promise.resolve(), AbortSignal.timeout(20));
      const checkpoint = network.requests[0]?.[1]?.checkpoint;
      assert.ok(checkpoint);
      assert.equal(checkpoint.getBlockNumber(), 5n);
      assert.equal(checkpoint.getTransactionId(), 'tx-a');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('parseEventPayload', () => {
  const schema = z.object({ version: z.string() });

  it('decodes a payload that matches its schema', () => {
    assert.deepEqual(parseEventPayload(chaincodeEvent(1n, 'tx', { version: '1.0.0' }), schema), {
      version: '1.0.0',
    });
  });

  it('rejects a payload that does not', () => {
    const event: ChaincodeEvent = chaincodeEvent(1n, 'tx', { version: 1 });
    assert.throws(
      () => parseEventPayload(event, schema),
      (error) => error instanceof LedgerError && error.code === 'LEDGER_ERROR',
    );
  });
});
