import type { VerificationRecord } from '@metrochain/contracts';
import type { BatchAnchor, BatchAnchorer, LogStore, LoggedRecord, RecordPublisher } from '../log/log-ports';
import type { VerificationDraft } from '../verify/verification.engine';

/** A check as the engine hands it to the log; `n` varies the digest so that leaves differ. */
export function draft(n: number, meterId = 'meter-1'): VerificationDraft {
  return {
    outcome: 'valid',
    source: 'api',
    meterId,
    dataDigest: n.toString(16).padStart(64, '0'),
    measuredAt: '2025-03-01T12:00:00.000Z',
    meterStatus: 'active',
    keyFingerprint: 'f'.repeat(64),
    attestedBy: ['PTBMSP', 'InmetroMSP'],
    verifiedBy: 'PTBMSP',
    checkedAt: '2025-03-01T12:00:01.000Z',
  };
}

/** Calls across the fakes in the order they happened, e.g. `publish vb-…-1`. */
export type CallLog = string[];

/** The log's storage in memory; `failAppend` decides which appends reject. */
export class FakeLogStore implements LogStore {
  readonly batches = new Map<string, Map<number, string>>();
  readonly anchors = new Map<string, BatchAnchor>();
  readonly open = new Map<string, Set<string>>();
  /** Batch ids in the order they were read back. */
  readonly reads: string[] = [];
  failAppend: (batchId: string, index: number) => boolean = () => false;
  /** Which of the failing appends still land, as when the reply is lost rather than the write. */
  landDespiteFailure: (batchId: string, index: number) => boolean = () => false;

  constructor(readonly calls: CallLog = []) {}

  append(owner: string, batchId: string, index: number, canonicalJson: string): Promise<void> {
    const failed = this.failAppend(batchId, index);
    if (failed && !this.landDespiteFailure(batchId, index)) {
      return Promise.reject(new Error('redis down'));
    }
    const records = this.batches.get(batchId) ?? new Map<number, string>();
    records.set(index, canonicalJson);
    this.batches.set(batchId, records);
    this.#openSet(owner).add(batchId);
    return failed ? Promise.reject(new Error('redis reply lost')) : Promise.resolve();
  }

  readBatch(batchId: string): Promise<Map<number, string>> {
    this.reads.push(batchId);
    return Promise.resolve(new Map(this.batches.get(batchId)));
  }

  writeAnchor(owner: string, anchor: Readonly<BatchAnchor>): Promise<void> {
    this.calls.push(`writeAnchor ${anchor.batchId}`);
    this.anchors.set(anchor.batchId, { ...anchor });
    this.#openSet(owner).delete(anchor.batchId);
    return Promise.resolve();
  }

  readAnchor(batchId: string): Promise<BatchAnchor | undefined> {
    return Promise.resolve(this.anchors.get(batchId));
  }

  openBatches(owner: string): Promise<string[]> {
    return Promise.resolve([...this.#openSet(owner)]);
  }

  #openSet(owner: string): Set<string> {
    const set = this.open.get(owner) ?? new Set<string>();
    this.open.set(owner, set);
    return set;
  }
}

/** The ledger's anchoring: fails the first `failures` attempts (all of them when Infinity). */
export class FakeAnchorer implements BatchAnchorer {
  readonly requests: { batchId: string; merkleRoot: string; size: number }[] = [];
  attempts = 0;
  readonly #waiters: { count: number; resolve: () => void }[] = [];

  constructor(
    readonly calls: CallLog = [],
    public failures = 0,
  ) {}

  anchor(request: Readonly<{ batchId: string; merkleRoot: string; size: number }>): Promise<BatchAnchor> {
    this.attempts += 1;
    this.calls.push(`anchor ${request.batchId}`);
    if (this.attempts <= this.failures) {
      return Promise.reject(new Error('ledger unavailable'));
    }
    this.requests.push({ ...request });
    this.#waiters
      .filter((waiter) => this.requests.length >= waiter.count)
      .forEach((waiter) => {
        waiter.resolve();
      });
    return Promise.resolve({
      ...request,
      txId: `tx-${request.batchId}`,
      anchoredAt: '2025-03-01T12:00:02.000Z',
    });
  }

  /** Resolves once `count` batches have been anchored. */
  anchored(count: number): Promise<void> {
    if (this.requests.length >= count) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.#waiters.push({ count, resolve });
    });
  }
}

/** The Kafka publisher: keeps what was published; fails the first `failures` attempts. */
export class FakePublisher implements RecordPublisher {
  readonly published: VerificationRecord[][] = [];
  /** The values as they would be sent: each record's canonical JSON. */
  readonly sentJson: string[][] = [];
  attempts = 0;

  constructor(
    readonly calls: CallLog = [],
    public failures = 0,
  ) {}

  publish(records: readonly LoggedRecord[]): Promise<void> {
    this.attempts += 1;
    this.calls.push(`publish ${records[0]?.record.verificationId.split('.')[0] ?? '-'}`);
    if (this.attempts <= this.failures) {
      return Promise.reject(new Error('kafka unavailable'));
    }
    this.published.push(records.map((logged) => logged.record));
    this.sentJson.push(records.map((logged) => logged.canonicalJson));
    return Promise.resolve();
  }
}
