import type { MeasurementRecord, MeterProgress, MeterRecord } from '@metrochain/contracts';
import type { Context } from 'fabric-contract-api';
import { type MeterPublicKey, readMeterKey } from '../registry/meter-keys';
import { findMeter } from '../registry/registry-state';
import { findProgress, findRecord, putProgress, putRecord } from './measurement-state';

/**
 * The ledger as one recordBatch transaction sees it. Fabric does not let a transaction read its own writes, so
 * what this batch recorded and each meter's progress are kept here and written once at the end; each meter and
 * progress is read from the ledger at most once per batch.
 */
export class BatchLedger {
  readonly #ctx: Context;
  readonly #meters = new Map<string, MeterRecord | undefined>();
  readonly #progress = new Map<string, MeterProgress | undefined>();
  readonly #recorded = new Map<string, MeasurementRecord>();
  readonly #changedProgress = new Set<string>();
  readonly #keys = new Map<string, MeterPublicKey>();

  constructor(ctx: Context) {
    this.#ctx = ctx;
  }

  async meter(meterId: string): Promise<MeterRecord | undefined> {
    if (!this.#meters.has(meterId)) {
      this.#meters.set(meterId, await findMeter(this.#ctx, meterId));
    }
    return this.#meters.get(meterId);
  }

  async progress(meterId: string): Promise<MeterProgress | undefined> {
    if (!this.#progress.has(meterId)) {
      this.#progress.set(meterId, await findProgress(this.#ctx, meterId));
    }
    return this.#progress.get(meterId);
  }

  /** A meter key parsed once per batch: parsing and checking a PEM costs as much as verifying a signature. */
  key(pem: string): MeterPublicKey {
    let key = this.#keys.get(pem);
    if (key === undefined) {
      key = readMeterKey(pem);
      this.#keys.set(pem, key);
    }
    return key;
  }

  /** The record of meterId + seq: recorded earlier in this batch, or on the ledger before it. */
  async record(meterId: string, seq: number): Promise<MeasurementRecord | undefined> {
    return this.#recorded.get(keyOf(meterId, seq)) ?? (await findRecord(this.#ctx, meterId, seq));
  }

  /** Writes the record now and the meter's progress at flush; returns the record as stored. */
  async write(record: MeasurementRecord, progress: MeterProgress): Promise<MeasurementRecord> {
    const stored = await putRecord(this.#ctx, record);
    this.#recorded.set(keyOf(stored.meterId, stored.seq), stored);
    this.#progress.set(progress.meterId, progress);
    this.#changedProgress.add(progress.meterId);
    return stored;
  }

  /** Writes the progress of every meter this batch recorded for, in a fixed order. */
  async flush(): Promise<void> {
    for (const meterId of [...this.#changedProgress].sort()) {
      const progress = this.#progress.get(meterId);
      if (progress !== undefined) {
        await putProgress(this.#ctx, progress);
      }
    }
  }
}

function keyOf(meterId: string, seq: number): string {
  return `${meterId}\u0000${String(seq)}`;
}
