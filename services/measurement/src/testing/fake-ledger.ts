import { createHash } from 'node:crypto';
import {
  type MeasurementRecord,
  type ReadingOutcome,
  type RecordBatchRequest,
  readingDigestOf,
} from '@metrochain/contracts';
import type { CommittedBatch, MeasurementLedger } from '../recorder/measurement-ledger';

type Rejection = Extract<ReadingOutcome, { status: 'rejected' }>;

/**
 * The measurement contract in memory, with its identity rules: the same reading again is `duplicate` (answered with
 * the stored record), another reading with a recorded identity is SEQ_REPLAYED. `reject` decides other refusals.
 */
export class FakeLedger implements MeasurementLedger {
  readonly requests: RecordBatchRequest[] = [];
  readonly records = new Map<string, MeasurementRecord>();
  /** Makes the next this many calls fail (before anything is written). */
  failTimes = 0;
  /** What those calls fail with. */
  failWith: () => Error = () => new Error('peer unavailable');
  /** While set, calls wait for it. */
  hold: Promise<void> | undefined;
  reject: (
    request: RecordBatchRequest['readings'][number],
  ) => Omit<Rejection, 'status' | 'meterId' | 'seq'> | undefined = () => undefined;
  #block = 100n;

  async recordBatch(request: RecordBatchRequest): Promise<CommittedBatch> {
    this.requests.push(structuredClone(request));
    await this.hold;
    if (this.failTimes > 0) {
      this.failTimes -= 1;
      throw this.failWith();
    }
    this.#block += 1n;
    const transactionId = createHash('sha256')
      .update(`tx-${String(this.#block)}`)
      .digest('hex');
    const outcomes = request.readings.map((reading) => this.#outcome(reading, transactionId));
    return { batchId: request.batchId, outcomes, transactionId, blockNumber: this.#block };
  }

  #outcome(reading: RecordBatchRequest['readings'][number], txId: string): ReadingOutcome {
    const key = `${reading.meterId}/${String(reading.seq)}`;
    const digest = readingDigestOf(reading);
    const stored = this.records.get(key);
    if (stored !== undefined) {
      return stored.readingDigest === digest
        ? { status: 'duplicate', measurement: stored }
        : {
            status: 'rejected',
            meterId: reading.meterId,
            seq: reading.seq,
            reason: 'SEQ_REPLAYED',
            detail: 'taken',
          };
    }
    const refusal = this.reject(reading);
    if (refusal !== undefined) {
      return { status: 'rejected', meterId: reading.meterId, seq: reading.seq, ...refusal };
    }
    const measurement: MeasurementRecord = {
      meterId: reading.meterId,
      seq: reading.seq,
      kind: reading.kind,
      measuredAt: reading.measuredAt,
      result: { kind: 'speed', speedKmh: 72, activationAS: 0.1, activationBS: 0.2, deltaTS: 0.1 },
      readingDigest: digest,
      keyFingerprint: 'e'.repeat(64),
      lrFingerprint: 'f'.repeat(64),
      recordedBy: 'PTBMSP',
      recordedAt: '2025-03-01T12:00:02.000Z',
      txId,
    };
    this.records.set(key, measurement);
    return { status: 'recorded', measurement };
  }
}
