import type { DecodedBlock } from '@metrochain/ledger';
import type { Redis } from 'ioredis';
import type { BlockHandler } from '../block-feed/block-handler';
import { isValidRecordBatch } from '../reexecution/recorded-readings';

/** Where a reading's raw data lies: the recordBatch transaction and its block. */
export interface RawReadingPlace {
  txId: string;
  blockNumber: number;
}

const KEY_PREFIX = 'audit:raw:';
/** The index is a shortcut, not the store (the blocks are): entries of meters not recorded for 30 days expire. */
export const RAW_INDEX_TTL_SECONDS = 30 * 86_400;

export type IndexRedis = Pick<Redis, 'pipeline' | 'hget'>;

/**
 * A small Redis index meterId/seq → (tx id, block) over the network chaincode's recordBatch transactions, one hash
 * per meter (`audit:raw:<meterId>`, field seq). It only spares a qscc search for the block of a transaction.
 */
export class RawReadingIndex implements BlockHandler {
  readonly name = 'raw-reading-index';
  readonly #redis: IndexRedis;
  readonly #chaincode: string;

  constructor(redis: IndexRedis, chaincode: string) {
    this.#redis = redis;
    this.#chaincode = chaincode;
  }

  async handleBlock(block: Readonly<DecodedBlock>): Promise<void> {
    const pipeline = this.#redis.pipeline();
    let entries = 0;
    for (const tx of block.transactions) {
      if (tx.chaincode !== this.#chaincode || !isValidRecordBatch(tx)) {
        continue;
      }
      for (const key of readingKeysOf(tx.args[0])) {
        const hash = KEY_PREFIX + key.meterId;
        pipeline.hset(hash, String(key.seq), `${tx.txId} ${String(block.number)}`);
        pipeline.expire(hash, RAW_INDEX_TTL_SECONDS);
        entries += 1;
      }
    }
    if (entries > 0) {
      await pipeline.exec();
    }
  }

  async place(meterId: string, seq: number): Promise<RawReadingPlace | undefined> {
    const value = await this.#redis.hget(KEY_PREFIX + meterId, String(seq));
    const [txId, block] = value?.split(' ') ?? [];
    const blockNumber = Number(block);
    return txId === undefined || !Number.isSafeInteger(blockNumber) ? undefined : { txId, blockNumber };
  }
}

/** meterId/seq of each reading in a recordBatch request; the request is the full check's job, not this one's. */
function readingKeysOf(argument: Uint8Array | undefined): { meterId: string; seq: number }[] {
  try {
    const request = JSON.parse(Buffer.from(argument ?? []).toString('utf8')) as { readings?: unknown };
    if (!Array.isArray(request.readings)) {
      return [];
    }
    return request.readings.flatMap((reading: unknown) => {
      const { meterId, seq } = (reading ?? {}) as { meterId?: unknown; seq?: unknown };
      return typeof meterId === 'string' && typeof seq === 'number' ? [{ meterId, seq }] : [];
    });
  } catch {
    return [];
  }
}
