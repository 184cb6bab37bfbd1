import type { DecodedBlock } from '@metrochain/ledger';

/** Decoded blocks by number: committed blocks never change, so entries never go stale; the least recent go first. */
export class BlockCache {
  readonly #limit: number;
  readonly #blocks = new Map<number, DecodedBlock>();
  readonly #blockOfTx = new Map<string, number>();

  constructor(limit = 500) {
    this.#limit = limit;
  }

  get(blockNumber: number): DecodedBlock | undefined {
    const block = this.#blocks.get(blockNumber);
    if (block !== undefined) {
      this.#blocks.delete(blockNumber);
      this.#blocks.set(blockNumber, block);
    }
    return block;
  }

  blockOfTx(txId: string): DecodedBlock | undefined {
    const blockNumber = this.#blockOfTx.get(txId);
    return blockNumber === undefined ? undefined : this.get(blockNumber);
  }

  put(block: DecodedBlock): void {
    this.#blocks.delete(block.number);
    this.#blocks.set(block.number, block);
    for (const tx of block.transactions) {
      this.#blockOfTx.set(tx.txId, block.number);
    }
    for (const [oldest, evicted] of this.#blocks) {
      if (this.#blocks.size <= this.#limit) {
        break;
      }
      this.#blocks.delete(oldest);
      for (const tx of evicted.transactions) {
        this.#blockOfTx.delete(tx.txId);
      }
    }
  }

  get size(): number {
    return this.#blocks.size;
  }
}
