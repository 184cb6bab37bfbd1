/** One published lifecycle change: where it came from on the ledger and which meter it concerns. */
export interface LedgerPosition {
  blockNumber: number;
  txId: string;
  meterId: string;
}

/**
 * Where publishing stopped: the highest block of any published change, and the changes of that block that are the
 * last record of some partition. Changes are published one by one in ledger order (block, transaction, and within a
 * batch transaction the order of its event), so every change of the block up to the last of these was published,
 * and none after it. A change is named by transaction and meter: a batch transaction changes many meters, each once.
 */
export interface ResumePosition {
  blockNumber: bigint;
  changes: ReadonlySet<string>;
}

function changeKey(change: Readonly<{ txId: string; meterId: string }>): string {
  return `${change.txId}/${change.meterId}`;
}

/** The resume position from the last record of every partition; undefined when nothing was ever published. */
export function resumePositionOf(lastPerPartition: readonly LedgerPosition[]): ResumePosition | undefined {
  if (lastPerPartition.length === 0) {
    return undefined;
  }
  const highest = Math.max(...lastPerPartition.map((position) => position.blockNumber));
  const changes = lastPerPartition.filter((position) => position.blockNumber === highest).map(changeKey);
  return { blockNumber: BigInt(highest), changes: new Set(changes) };
}

/** The block to start reading chaincode events at: the resume block itself, whose tail may still be unpublished. */
export function startBlockOf(position: ResumePosition | undefined): bigint {
  return position?.blockNumber ?? 0n;
}

/**
 * Tells, change by change in ledger order, whether a change comes after the resume position: changes of earlier
 * blocks and of the resume block up to and including the last published one are old; everything after is new.
 */
export class ResumeFilter {
  #block: bigint | undefined;
  readonly #pending: Set<string>;

  constructor(position: ResumePosition | undefined) {
    this.#block = position?.blockNumber;
    this.#pending = new Set(position?.changes ?? []);
  }

  /** True for a block wholly before the resume block, whose events need not even be read. */
  precedes(blockNumber: bigint): boolean {
    return this.#block !== undefined && blockNumber < this.#block;
  }

  isNew(change: Readonly<LedgerPosition>): boolean {
    if (this.#block === undefined) {
      return true;
    }
    const block = BigInt(change.blockNumber);
    if (block < this.#block) {
      return false;
    }
    if (block > this.#block || this.#pending.size === 0) {
      this.#block = undefined;
      return true;
    }
    this.#pending.delete(changeKey(change));
    return false;
  }
}
