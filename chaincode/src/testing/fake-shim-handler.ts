import { peer } from '@hyperledger/fabric-protos';
import { MessageType } from '../common/state-batch';

/**
 * Answers the many-key state messages a Fabric 3.1 peer answers (GET_STATE_MULTIPLE, WRITE_BATCH_STATE), decoded
 * from their wire form, over the memory stub's state, and range queries (common/state-range); it counts the messages
 * so tests can see the round trips.
 */
export class FakeShimHandler {
  readonly messages: string[] = [];
  openIterators = 0;
  readonly #state: Map<string, Uint8Array>;
  readonly #onWrite: (key: string) => void;

  constructor(state: Map<string, Uint8Array>, onWrite: (key: string) => void) {
    this.#state = state;
    this.#onWrite = onWrite;
  }

  _askPeerAndListen(message: peer.ChaincodeMessage, method: string): Promise<Buffer> {
    const wire = peer.ChaincodeMessage.deserializeBinary(message.serializeBinary());
    this.messages.push(method);
    switch (wire.getType()) {
      case MessageType.GET_STATE_MULTIPLE: {
        const keys = peer.GetStateMultiple.deserializeBinary(wire.getPayload_asU8()).getKeysList();
        const result = new peer.GetStateMultipleResult();
        result.setValuesList(keys.map((key) => this.#state.get(key) ?? new Uint8Array()));
        return Promise.resolve(Buffer.from(result.serializeBinary()));
      }
      case MessageType.WRITE_BATCH_STATE: {
        for (const record of peer.WriteBatchState.deserializeBinary(wire.getPayload_asU8()).getRecList()) {
          if (record.getType() !== peer.WriteRecord.Type.PUT_STATE) {
            return Promise.reject(new Error(`unexpected write record type ${String(record.getType())}`));
          }
          this.#state.set(record.getKey(), Uint8Array.from(record.getValue_asU8()));
          this.#onWrite(record.getKey());
        }
        return Promise.resolve(Buffer.alloc(0));
      }
      default:
        return Promise.reject(new Error(`unexpected message type ${String(wire.getType())}`));
    }
  }

  handleGetStateByRange(
    _collection: string,
    startKey: string,
    endKey: string,
  ): Promise<{ iterator: { next: () => Promise<RangeNext>; close: () => Promise<void> } }> {
    this.messages.push('GetStateByRange');
    const entries = [...this.#state.entries()]
      .filter(([key]) => key >= startKey && key < endKey)
      .sort(([left], [right]) => (left < right ? -1 : 1));
    this.openIterators += 1;
    let index = 0;
    return Promise.resolve({
      iterator: {
        next: (): Promise<RangeNext> => {
          const entry = entries[index++];
          return Promise.resolve(
            entry === undefined ? { done: true } : { value: { key: entry[0], value: entry[1] }, done: false },
          );
        },
        close: (): Promise<void> => {
          this.openIterators -= 1;
          return Promise.resolve();
        },
      },
    });
  }
}

type RangeNext = Readonly<{ value?: { key: string; value: Uint8Array }; done: boolean }>;
