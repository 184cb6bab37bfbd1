import { peer } from '@hyperledger/fabric-protos';
import type { Context } from 'fabric-contract-api';

/** One key's new value. */
export interface StateWrite {
  key: string;
  value: Uint8Array;
}

/**
 * Reads and writes many keys of one transaction at once. Every getState and putState of fabric-shim is a round trip
 * to the peer, answered before the next one is sent; a batch of a few hundred readings made ~600 of them per
 * endorsement. Fabric 3.1 peers take many keys in one message (GET_STATE_MULTIPLE, WRITE_BATCH_STATE;
 * `chaincode.runtimeParams` in core.yaml); fabric-shim 2.5.8, the newest Node shim, does not send them yet, so this
 * sends them itself over the shim's stream. The read and write sets are the ones per-key calls make.
 */
export interface StateBatch {
  /** Values in key order; an empty array where a key has no value. */
  getMany(keys: readonly string[]): Promise<Uint8Array[]>;
  putMany(writes: readonly StateWrite[]): Promise<void>;
}

/** The peer's defaults (`maxSizeWriteBatch`, `maxSizeGetMultipleKeys`); larger requests go in several messages. */
export const MAX_KEYS_PER_MESSAGE = 1000;

/** Set to `off` on the chaincode server for peers older than Fabric 3.1: one message per key then. */
export const STATE_BATCHING_ENV = 'METROCHAIN_CHAINCODE_STATE_BATCHING';

/**
 * ChaincodeMessage types of fabric-protos' chaincode_shim.proto. Not read from the generated enum: fabric-shim loads
 * an older fabric-protos whose enum (without these two) shares google-protobuf's global namespace with this one.
 */
export const MessageType = { WRITE_BATCH_STATE: 24, GET_STATE_MULTIPLE: 25 } as const;

/** The part of fabric-shim's ChaincodeMessageHandler (2.5.8) used here: queue a message of the transaction, await the reply. */
interface ShimHandler {
  _askPeerAndListen(message: peer.ChaincodeMessage, method: string): Promise<unknown>;
}

export function stateBatchOf(ctx: Context, env: NodeJS.ProcessEnv = process.env): StateBatch {
  const handler = shimHandlerOf(ctx);
  return handler === undefined || env[STATE_BATCHING_ENV] === 'off'
    ? keyByKey(ctx)
    : peerMessages(ctx, handler);
}

function shimHandlerOf(ctx: Context): ShimHandler | undefined {
  const handler = (ctx.stub as unknown as { handler?: Partial<ShimHandler> }).handler;
  return typeof handler?._askPeerAndListen === 'function' ? (handler as ShimHandler) : undefined;
}

function keyByKey(ctx: Context): StateBatch {
  return {
    getMany: async (keys) => {
      const values: Uint8Array[] = [];
      for (const key of keys) {
        values.push(await ctx.stub.getState(key));
      }
      return values;
    },
    putMany: async (writes) => {
      for (const { key, value } of writes) {
        await ctx.stub.putState(key, value);
      }
    },
  };
}

function peerMessages(ctx: Context, handler: ShimHandler): StateBatch {
  const ask = async (
    type: (typeof MessageType)[keyof typeof MessageType],
    payload: Uint8Array,
    method: string,
  ): Promise<unknown> => {
    const message = new peer.ChaincodeMessage();
    message.setType(type);
    message.setPayload(payload);
    message.setTxid(ctx.stub.getTxID());
    message.setChannelId(ctx.stub.getChannelID());
    return handler._askPeerAndListen(message, method);
  };
  return {
    getMany: async (keys) => {
      const values: Uint8Array[] = [];
      for (const chunk of chunksOf(keys)) {
        const request = new peer.GetStateMultiple();
        request.setKeysList([...chunk]);
        const reply = await ask(
          MessageType.GET_STATE_MULTIPLE,
          request.serializeBinary(),
          'GetStateMultiple',
        );
        const answered = peer.GetStateMultipleResult.deserializeBinary(asBytes(reply)).getValuesList_asU8();
        if (answered.length !== chunk.length) {
          throw new Error(
            `the peer answered ${String(answered.length)} values for ${String(chunk.length)} keys`,
          );
        }
        values.push(...answered);
      }
      return values;
    },
    putMany: async (writes) => {
      for (const chunk of chunksOf(writes)) {
        const request = new peer.WriteBatchState();
        request.setRecList(
          chunk.map(({ key, value }) => {
            const record = new peer.WriteRecord();
            record.setType(peer.WriteRecord.Type.PUT_STATE);
            record.setKey(key);
            record.setValue(value);
            return record;
          }),
        );
        await ask(MessageType.WRITE_BATCH_STATE, request.serializeBinary(), 'WriteBatchState');
      }
    },
  };
}

function asBytes(reply: unknown): Uint8Array {
  if (!(reply instanceof Uint8Array)) {
    throw new TypeError('the peer answered a state message without a payload');
  }
  return reply;
}

function chunksOf<T>(items: readonly T[]): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += MAX_KEYS_PER_MESSAGE) {
    chunks.push(items.slice(start, start + MAX_KEYS_PER_MESSAGE));
  }
  return chunks;
}
