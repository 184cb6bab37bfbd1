import type { Context } from 'fabric-contract-api';

/** One key and its value as a range scan returns them. */
export interface StateEntry {
  key: string;
  value: Uint8Array;
}

interface RangeIterator {
  next(): Promise<{ value?: { key: string; value: Uint8Array }; done?: boolean }>;
  close(): Promise<unknown>;
}

/** The part of fabric-shim's ChaincodeMessageHandler (2.5.8) used here; its stub uses the same call. */
interface RangeHandler {
  handleGetStateByRange(
    collection: string,
    startKey: string,
    endKey: string,
    channelId: string,
    txId: string,
  ): Promise<{ iterator: RangeIterator }>;
}

/**
 * Every key in [startKey, endKey) with its value, in key order, in one range query; the iterator is always closed.
 * For composite keys: fabric-shim's getStateByRange refuses keys that start with the composite-key namespace and
 * getStateByPartialCompositeKey takes whole attributes only, so a range over a prefix of one attribute (a month of
 * `YYYY-MM-DD` days) is asked of the peer directly, as getStateByPartialCompositeKey itself asks it. The peer records
 * the range in the read set, so a concurrent write inside it fails validation (phantom read).
 */
export async function readKeyRange(ctx: Context, startKey: string, endKey: string): Promise<StateEntry[]> {
  const handler = (ctx.stub as unknown as { handler?: Partial<RangeHandler> }).handler;
  if (typeof handler?.handleGetStateByRange !== 'function') {
    throw new TypeError('the chaincode stub has no shim handler for range queries');
  }
  const { iterator } = await (handler as RangeHandler).handleGetStateByRange(
    '',
    startKey,
    endKey,
    ctx.stub.getChannelID(),
    ctx.stub.getTxID(),
  );
  const entries: StateEntry[] = [];
  try {
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) {
      if (next.value !== undefined) {
        entries.push({ key: next.value.key, value: next.value.value });
      }
    }
  } finally {
    await iterator.close();
  }
  return entries;
}
