import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type {
  ChaincodeEvent,
  ChaincodeEventsOptions,
  CloseableAsyncIterable,
} from '@hyperledger/fabric-gateway';
import type { ChaincodeEventSource } from '@metrochain/ledger';
import { chaincodeEvent, txIdOf } from './lifecycle.fakes';
import { ledgerEventSource } from './ledger-event-source';

describe('ledgerEventSource', () => {
  it('reads the chaincode’s events from the requested block and stops when aborted', async () => {
    const requests: { chaincode: string; startBlock: bigint | undefined }[] = [];
    let closed = 0;
    let wake: (() => void) | undefined;
    const events = [chaincodeEvent('registry.meter.attested', 9n, txIdOf('a'), {})];
    const network: ChaincodeEventSource = {
      getChaincodeEvents: (chaincode: string, options?: ChaincodeEventsOptions) => {
        requests.push({ chaincode, startBlock: options?.startBlock });
        const stream: CloseableAsyncIterable<ChaincodeEvent> = {
          // Like a gRPC stream: after the events it waits, and closing it fails the pending read.
          async *[Symbol.asyncIterator]() {
            yield* events;
            if (closed === 0) {
              await new Promise<void>((resolve) => {
                wake = resolve;
              });
            }
            throw new Error('CANCELLED');
          },
          close: () => {
            closed += 1;
            wake?.();
          },
          [Symbol.dispose]: () => undefined,
        };
        return Promise.resolve(stream);
      },
    };
    const stop = new AbortController();
    const seen: string[] = [];
    for await (const event of ledgerEventSource(network, 'metrochain')(9n, stop.signal)) {
      seen.push(event.transactionId);
      stop.abort();
    }
    assert.deepEqual(seen, [txIdOf('a')]);
    assert.deepEqual(requests, [{ chaincode: 'metrochain', startBlock: 9n }]);
    assert.ok(closed > 0);
  });
});
