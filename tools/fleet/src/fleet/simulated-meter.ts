import type { MeterKey } from '../keys/meter-key';
import { meterKeyFromPem } from '../keys/meter-key';
import type { MeterKind, MeterRecord, SentReading } from '../state/meter-record';
import type { ReadingFactory } from './reading-factory';

/**
 * One simulated sealed meter: its key, its seq counter and the readings it handed to the network and has no
 * acknowledgement for. The record it keeps counts seqs only up to the last reading handed to a POST: readings
 * signed but never sent are forgotten by a crash and their seqs signed afresh after a restart, so the ledger never
 * sees a gap or two readings with one seq.
 */
export class SimulatedMeter {
  readonly meterId: string;
  readonly kind: MeterKind;
  readonly model: string;
  readonly key: MeterKey;
  #record: MeterRecord;
  #nextSeq: number;
  #lastMeasuredMs = 0;

  constructor(record: MeterRecord) {
    this.meterId = record.meterId;
    this.kind = record.kind;
    this.model = record.model;
    this.key = meterKeyFromPem(record.privateKeyPem, `meter ${record.meterId}`);
    this.#record = structuredClone(record);
    this.#nextSeq = record.nextSeq;
    const lastPending = record.pending.at(-1);
    this.#lastMeasuredMs = lastPending === undefined ? 0 : Date.parse(lastPending.reading.measuredAt);
  }

  /** A copy of what the state folder keeps for this meter. */
  snapshot(): MeterRecord {
    return structuredClone(this.#record);
  }

  /** The seq the next reading signed gets. */
  get nextSeq(): number {
    return this.#nextSeq;
  }

  get active(): boolean {
    return this.#record.active;
  }

  get attestedBy(): readonly string[] {
    return this.#record.attestedBy;
  }

  /** Readings of an earlier run that were handed to a POST without an acknowledgement. */
  get pending(): readonly SentReading[] {
    return this.#record.pending;
  }

  setRegistration(registration: Readonly<{ attestedBy: readonly string[]; active: boolean }>): void {
    this.#record.attestedBy = [...registration.attestedBy];
    this.#record.active = registration.active;
  }

  /** Measures, signs and takes the next seq; `measuredAt` never goes backwards, even if the clock does. */
  nextReading(factory: ReadingFactory, now: Date = new Date()): SentReading {
    const measuredMs = Math.max(now.getTime(), this.#lastMeasuredMs + 1);
    this.#lastMeasuredMs = measuredMs;
    const entry = factory(this, this.#nextSeq, new Date(measuredMs));
    this.#nextSeq += 1;
    return entry;
  }

  /** Before a POST: these readings are out of the meter's hands until acknowledged. */
  markPending(entries: readonly SentReading[]): void {
    const known = new Set(this.#record.pending.map((entry) => entry.readingId));
    this.#record.pending.push(...entries.filter((entry) => !known.has(entry.readingId)));
    const highest = Math.max(...entries.map((entry) => entry.reading.seq));
    this.#record.nextSeq = Math.max(this.#record.nextSeq, highest + 1);
  }

  markAccepted(readingIds: ReadonlySet<string>): void {
    this.#record.pending = this.#record.pending.filter((entry) => !readingIds.has(entry.readingId));
  }
}
