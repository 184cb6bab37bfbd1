import type { VerificationRecord } from '@metrochain/contracts';

/** An anchored batch as the ledger recorded it. */
export interface BatchAnchor {
  batchId: string;
  merkleRoot: string;
  size: number;
  txId: string;
  anchoredAt: string;
}

/** Durable storage of the log; RedisLogStore is the real one. Records are kept as their canonical JSON. */
export interface LogStore {
  /** Stores the record at `index` of the batch and marks the batch open (not yet anchored) for `owner`. */
  append(owner: string, batchId: string, index: number, canonicalJson: string): Promise<void>;
  /** The batch's records by index; empty when the batch is unknown. */
  readBatch(batchId: string): Promise<Map<number, string>>;
  /** Records the anchor and clears the batch from `owner`'s open set. */
  writeAnchor(owner: string, anchor: Readonly<BatchAnchor>): Promise<void>;
  readAnchor(batchId: string): Promise<BatchAnchor | undefined>;
  /** Batches `owner` left open, e.g. because the process died before anchoring them. */
  openBatches(owner: string): Promise<string[]>;
}

/** Writes a batch's Merkle root on the ledger; idempotent for the same root (the registry contract is). */
export interface BatchAnchorer {
  anchor(request: Readonly<{ batchId: string; merkleRoot: string; size: number }>): Promise<BatchAnchor>;
}

/** A record as the log stored it: typed, and its canonical JSON (the bytes of its Merkle leaf). */
export interface LoggedRecord {
  record: VerificationRecord;
  canonicalJson: string;
}

/** Publishes a sealed batch's records to `verifications.v1`. */
export interface RecordPublisher {
  publish(records: readonly LoggedRecord[]): Promise<void>;
}
