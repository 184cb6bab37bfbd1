import {
  type FeSlotEntry,
  type MeasurementRecord,
  type MeterProgress,
  type MeterRecord,
  measurementRecordSchema,
  meterProgressSchema,
  meterRecordSchema,
  type Reading,
  lrApprovalSchema,
} from '@metrochain/contracts';
import type { Context } from 'fabric-contract-api';
import { feSlotEntryBytes, feSlotKey, isSlotAddress, parseFeSlotEntry } from '../billing/fe-slot-index';
import { parseStoredValue, toCanonicalJson } from '../common/state';
import { type StateBatch, type StateWrite, stateBatchOf } from '../common/state-batch';
import { lrApprovalKey } from '../governance/software-approval';
import { type MeterPublicKey, cachedMeterKey } from '../registry/meter-keys';
import { meterKey } from '../registry/registry-state';
import { progressKey, recordKey } from './measurement-state';

type ReadingIdentity = Readonly<{ meterId: string; seq: number }>;
type BatchReading = Readonly<Pick<Reading, 'meterId' | 'seq' | 'kind' | 'payload'>>;

/**
 * The ledger as one recordBatch transaction sees it, read and written in as few peer messages as possible.
 * `load` reads the batch's meters and their progress in one message, then — in a second one — the records its
 * readings may repeat: a meter's records go up to its last recorded `seq` and no further, so a reading above it
 * needs no read (the progress key in the read set still makes a concurrent batch of the meter fail validation).
 * The second message also reads the fe-slot index entry of every energy-fe reading (one key each).
 * Fabric does not let a transaction read its own writes, so what this batch recorded and each meter's progress are
 * kept here and written together by `flush`.
 */
export class BatchLedger {
  readonly #ctx: Context;
  readonly #state: StateBatch;
  readonly #meters = new Map<string, MeterRecord | undefined>();
  readonly #progress = new Map<string, MeterProgress | undefined>();
  readonly #records = new Map<string, MeasurementRecord>();
  readonly #feSlots = new Map<string, FeSlotEntry | undefined>();
  readonly #writes: StateWrite[] = [];
  readonly #changedProgress = new Set<string>();
  readonly #approvals = new Map<string, boolean>();

  private constructor(ctx: Context, state: StateBatch) {
    this.#ctx = ctx;
    this.#state = state;
  }

  /**
   * `fingerprint` is the running build's: its approval for each kind of the batch is read in the first message
   * (see software-gate.ts), and the caller checks it before recording anything.
   */
  static async load(
    ctx: Context,
    readings: readonly BatchReading[],
    fingerprint: string,
  ): Promise<BatchLedger> {
    const ledger = new BatchLedger(ctx, stateBatchOf(ctx));
    const kinds = [...new Set(readings.map((reading) => reading.kind))].sort();
    await ledger.#loadMeters([...new Set(readings.map((reading) => reading.meterId))], kinds, fingerprint);
    await ledger.#loadRecordsAndSlots(readings);
    return ledger;
  }

  meter(meterId: string): MeterRecord | undefined {
    return this.#loaded(this.#meters, meterId);
  }

  progress(meterId: string): MeterProgress | undefined {
    return this.#loaded(this.#progress, meterId);
  }

  /** A meter key, parsed once per chaincode server (see cachedMeterKey). */
  key(pem: string): MeterPublicKey {
    return cachedMeterKey(pem);
  }

  /** The record of meterId + seq: recorded earlier in this batch, or on the ledger before it. */
  record(meterId: string, seq: number): MeasurementRecord | undefined {
    return this.#records.get(identityOf(meterId, seq));
  }

  /** The fe-slot index entry of (meterId, day, slot): written earlier in this batch, or on the ledger before it. */
  feSlot(meterId: string, day: string, slot: number): FeSlotEntry | undefined {
    const key = feSlotKey(this.#ctx, meterId, day, slot);
    if (!this.#feSlots.has(key)) {
      throw new RangeError(`fe slot ${meterId} ${day} ${String(slot)} is not part of the loaded batch`);
    }
    return this.#feSlots.get(key);
  }

  /**
   * Keeps the record with the meter's new progress for `flush`. The record is built from the validated request and
   * the LR's result and not parsed again (a schema pass per reading was a tenth of the contract's time); the unit
   * tests read every kind of record back through the schema.
   */
  write(record: MeasurementRecord, progress: MeterProgress): MeasurementRecord {
    this.#writes.push({ key: recordKey(this.#ctx, record.meterId, record.seq), value: utf8(record) });
    this.#records.set(identityOf(record.meterId, record.seq), record);
    if (record.result.kind === 'energy-fe') {
      this.#writeFeSlot(record, record.result);
    }
    this.#progress.set(progress.meterId, progress);
    this.#changedProgress.add(progress.meterId);
    return record;
  }

  /** Writes the records and the progress of every meter this batch recorded for. */
  async flush(): Promise<void> {
    const progress = [...this.#changedProgress].sort().flatMap((meterId) => {
      const current = this.#progress.get(meterId);
      return current === undefined
        ? []
        : [{ key: progressKey(this.#ctx, meterId), value: utf8(meterProgressSchema.parse(current)) }];
    });
    await this.#state.putMany([...this.#writes, ...progress]);
    this.#writes.length = 0;
    this.#changedProgress.clear();
  }

  /** The batch's kinds whose running build has no approval in force (missing or withdrawn), in kind order. */
  unapprovedKinds(): string[] {
    return [...this.#approvals].flatMap(([kind, approved]) => (approved ? [] : [kind]));
  }

  async #loadMeters(
    meterIds: readonly string[],
    kinds: readonly string[],
    fingerprint: string,
  ): Promise<void> {
    const values = await this.#state.getMany([
      ...meterIds.map((meterId) => meterKey(this.#ctx, meterId)),
      ...meterIds.map((meterId) => progressKey(this.#ctx, meterId)),
      ...kinds.map((kind) => lrApprovalKey(this.#ctx, kind, fingerprint)),
    ]);
    kinds.forEach((kind, index) => {
      const approval = parseStoredValue(valueAt(values, 2 * meterIds.length + index), lrApprovalSchema);
      this.#approvals.set(kind, approval?.status === 'approved');
    });
    meterIds.forEach((meterId, index) => {
      this.#meters.set(meterId, parseStoredValue(valueAt(values, index), meterRecordSchema));
      this.#progress.set(
        meterId,
        parseStoredValue(valueAt(values, meterIds.length + index), meterProgressSchema),
      );
    });
  }

  async #loadRecordsAndSlots(readings: readonly BatchReading[]): Promise<void> {
    const identities = this.#repeatCandidates(readings);
    const slotKeys = [
      ...new Set(
        readings.flatMap(({ meterId, kind, payload }) =>
          kind === 'energy-fe' && isSlotAddress(payload['day'], payload['slot'])
            ? [feSlotKey(this.#ctx, meterId, payload['day'], payload['slot'] as number)]
            : [],
        ),
      ),
    ];
    const values = await this.#state.getMany([
      ...identities.map(({ meterId, seq }) => recordKey(this.#ctx, meterId, seq)),
      ...slotKeys,
    ]);
    identities.forEach(({ meterId, seq }, index) => {
      const record = parseStoredValue(valueAt(values, index), measurementRecordSchema);
      if (record !== undefined) {
        this.#records.set(identityOf(meterId, seq), record);
      }
    });
    slotKeys.forEach((key, index) => {
      this.#feSlots.set(key, parseFeSlotEntry(valueAt(values, identities.length + index)));
    });
  }

  #repeatCandidates(readings: readonly ReadingIdentity[]): ReadingIdentity[] {
    const candidates = new Map<string, ReadingIdentity>();
    for (const reading of readings) {
      const lastSeq = this.#progress.get(reading.meterId)?.lastSeq;
      if (lastSeq !== undefined && reading.seq <= lastSeq) {
        candidates.set(identityOf(reading.meterId, reading.seq), reading);
      }
    }
    return [...candidates.values()];
  }

  #writeFeSlot(
    record: MeasurementRecord,
    result: Readonly<{ day: string; slot: number; ciphertext: string }>,
  ): void {
    const key = feSlotKey(this.#ctx, record.meterId, result.day, result.slot);
    const entry = { seq: record.seq, ciphertext: result.ciphertext, readingDigest: record.readingDigest };
    this.#writes.push({ key, value: feSlotEntryBytes(entry) });
    this.#feSlots.set(key, entry);
  }

  #loaded<T>(values: ReadonlyMap<string, T | undefined>, meterId: string): T | undefined {
    if (!values.has(meterId)) {
      throw new RangeError(`meter ${meterId} is not part of the loaded batch`);
    }
    return values.get(meterId);
  }
}

function identityOf(meterId: string, seq: number): string {
  return `${meterId}\u0000${String(seq)}`;
}

function utf8(value: unknown): Uint8Array {
  return Buffer.from(toCanonicalJson(value), 'utf8');
}

function valueAt(values: readonly Uint8Array[], index: number): Uint8Array {
  return values[index] ?? new Uint8Array();
}
