import {
  type VerificationRecord,
  type VerificationRecordResponse,
  verificationLeafJson,
} from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import { type RetryOptions, retryUntilDone } from '@metrochain/service-kit';
import type { VerificationDraft, VerificationSink } from '../verify/verification.engine';
import { BatchTree } from './batch-tree';
import type { BatchAnchorer, LogStore, LoggedRecord, RecordPublisher } from './log-ports';
import { batchIdFactory, formatVerificationId, parseVerificationId } from './verification-id';

export const LogErrorCode = { LOG_UNAVAILABLE: 'LOG_UNAVAILABLE' } as const;

export interface VerificationLogOptions {
  store: LogStore;
  anchorer: BatchAnchorer;
  publisher: RecordPublisher;
  instanceId: string;
  batchMaxSize: number;
  batchMaxAgeMs: number;
  retry?: Omit<RetryOptions, 'signal'>;
  onSealFailure?: (batchId: string, error: unknown) => void;
}

interface OpenBatch {
  id: string;
  next: number;
  writes: Promise<unknown>[];
  /** Every record appended, in index order; what the store holds as long as `allStored`. */
  records: LoggedRecord[];
  /** False once a write failed: it may have landed or not, so only the store can tell what the batch holds. */
  allStored: boolean;
  timer: NodeJS.Timeout | undefined;
}

/**
 * The verification log: every check is appended (durably, in Redis) before its verdict is answered; records are
 * grouped in batches of at most `batchMaxSize` records or `batchMaxAgeMs`; a closed batch is published to
 * `verifications.v1` and its RFC 6962 Merkle root anchored on the ledger. Batches left open by a dead process are
 * sealed by `recover()` at the next start, so no record stays unanchored.
 */
export class VerificationLog implements VerificationSink {
  readonly #options: Readonly<VerificationLogOptions>;
  readonly #nextBatchId: () => string;
  readonly #sealing = new Set<Promise<void>>();
  readonly #stopping = new AbortController();
  #current: OpenBatch | undefined;

  constructor(options: Readonly<VerificationLogOptions>) {
    this.#options = options;
    this.#nextBatchId = batchIdFactory(options.instanceId);
  }

  async append(draft: VerificationDraft): Promise<VerificationRecord> {
    const batch = this.#current ?? this.#openBatch();
    const index = batch.next;
    batch.next += 1;
    const record: VerificationRecord = { ...draft, verificationId: formatVerificationId(batch.id, index) };
    const logged = { record, canonicalJson: verificationLeafJson(record) };
    const write = this.#options.store.append(this.#options.instanceId, batch.id, index, logged.canonicalJson);
    batch.records.push(logged);
    batch.writes.push(
      write.catch(() => {
        batch.allStored = false;
      }),
    );
    if (batch.next >= this.#options.batchMaxSize) {
      this.#close(batch);
    }
    try {
      await write;
    } catch (cause) {
      throw new DomainError({
        code: LogErrorCode.LOG_UNAVAILABLE,
        message: 'the verification log could not store the record; nothing was recorded',
        details: { cause: String(cause) },
      });
    }
    return record;
  }

  /** Seals the batches a previous process of this instance left open. */
  async recover(): Promise<string[]> {
    const batchIds = await this.#options.store.openBatches(this.#options.instanceId);
    await Promise.all(batchIds.map((batchId) => this.#seal(batchId)));
    return batchIds;
  }

  /** Closes the open batch and waits until every closed batch is sealed (or stop() gave up on it). */
  async flush(): Promise<void> {
    if (this.#current !== undefined) {
      this.#close(this.#current);
    }
    await Promise.all([...this.#sealing]);
  }

  /** Flushes, then stops retrying: what is not sealed by then stays open in the store for recover(). */
  async stop(graceMs = 10_000): Promise<void> {
    const grace = setTimeout(() => {
      this.#stopping.abort();
    }, graceMs);
    try {
      await this.flush();
    } finally {
      clearTimeout(grace);
      this.#stopping.abort();
    }
  }

  /** The record with its leaf hash and, once its batch is anchored, the anchor and the inclusion proof. */
  async lookup(verificationId: string): Promise<VerificationRecordResponse | undefined> {
    const id = parseVerificationId(verificationId);
    if (id === undefined) {
      return undefined;
    }
    const [records, anchor] = await Promise.all([
      this.#options.store.readBatch(id.batchId),
      this.#options.store.readAnchor(id.batchId),
    ]);
    const json = records.get(id.index);
    const tree = new BatchTree(records);
    const proven = tree.proofOf(id.index);
    if (json === undefined || proven === undefined) {
      return undefined;
    }
    const record = BatchTree.parseRecords(new Map([[id.index, json]]))[0]?.record;
    if (record === undefined) {
      return undefined;
    }
    return {
      record,
      leafHash: proven.leafHash,
      anchor: anchor ?? null,
      proof: anchor === undefined ? null : proven.proof,
    };
  }

  #openBatch(): OpenBatch {
    const batch: OpenBatch = {
      id: this.#nextBatchId(),
      next: 0,
      writes: [],
      records: [],
      allStored: true,
      timer: undefined,
    };
    batch.timer = setTimeout(() => {
      this.#close(batch);
    }, this.#options.batchMaxAgeMs);
    this.#current = batch;
    return batch;
  }

  #close(batch: OpenBatch): void {
    if (this.#current === batch) {
      this.#current = undefined;
    }
    clearTimeout(batch.timer);
    const sealing = Promise.all(batch.writes)
      .then(() => this.#seal(batch.id, batch.allStored ? batch.records : undefined))
      .catch((error: unknown) => {
        this.#options.onSealFailure?.(batch.id, error);
      })
      .finally(() => {
        this.#sealing.delete(sealing);
      });
    this.#sealing.add(sealing);
  }

  // Publish, then anchor, then mark anchored: a crash in between repeats a step at recovery (anchoring is
  // idempotent; a record may be published twice), never skips one. `stored` is the batch as this process wrote
  // it when every write succeeded, which is exactly what the store holds; otherwise (recovery, a failed write) the
  // store is read back, and what it returns is checked against the contract like any input.
  async #seal(batchId: string, stored?: readonly LoggedRecord[]): Promise<void> {
    const retry = { signal: this.#stopping.signal, ...this.#options.retry };
    const records =
      stored ??
      BatchTree.parseRecords(await retryUntilDone(() => this.#options.store.readBatch(batchId), retry));
    if (records.length === 0) {
      return;
    }
    const root = BatchTree.rootOf(records);
    await retryUntilDone(() => this.#options.publisher.publish(records), retry);
    const anchor = await retryUntilDone(
      () => this.#options.anchorer.anchor({ batchId, merkleRoot: root, size: records.length }),
      retry,
    );
    await retryUntilDone(() => this.#options.store.writeAnchor(this.#options.instanceId, anchor), retry);
  }
}
