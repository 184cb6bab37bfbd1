import { slotAt, slotHasEnded, slotIndexOf, type FeSlot } from '../fe/fe-slots';
import type { MeterKey } from '../keys/meter-key';
import { meterKeyFromPem } from '../keys/meter-key';
import type { MeterKind, MeterRecord, SentReading } from '../state/meter-record';
import type { ReadingFactory } from './reading-factory';

/**
 * One simulated sealed meter: its key, its seq counter and the readings it handed to the network and has no
 * acknowledgement for. The record it keeps counts seqs only up to the last reading handed to a POST: readings
 * signed but never sent are forgotten by a crash and their seqs signed afresh after a restart, so the ledger never
 * sees a gap or two readings with one seq.
 *
 * An energy-fe meter also walks its 15-minute slots in order from its installation, one slot per reading, and only
 * slots that have ended: a backlog first, then one reading per slot in real time. Its record counts slots the same
 * way as seqs, so that no slot is ever sent twice with different seqs (FE_SLOT_TAKEN).
 */
export class SimulatedMeter {
  readonly meterId: string;
  readonly kind: MeterKind;
  readonly model: string;
  readonly key: MeterKey;
  /** energy-fe: the FE seed written at installation. */
  readonly feSeed: Uint8Array | undefined;
  #record: MeterRecord;
  #nextSeq: number;
  #nextSlot: number;
  #lastMeasuredMs = 0;

  constructor(record: MeterRecord) {
    this.meterId = record.meterId;
    this.kind = record.kind;
    this.model = record.model;
    this.key = meterKeyFromPem(record.privateKeyPem, `meter ${record.meterId}`);
    this.#record = structuredClone(record);
    this.#nextSeq = record.nextSeq;
    this.#nextSlot = record.fe?.nextSlot ?? 0;
    this.feSeed = record.fe === undefined ? undefined : new Uint8Array(Buffer.from(record.fe.seed, 'base64'));
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

  /** energy-fe: the slot the next reading closes; undefined for other kinds. */
  get nextFeSlot(): FeSlot | undefined {
    const fe = this.#record.fe;
    return fe === undefined ? undefined : slotAt(fe.installedDay, this.#nextSlot);
  }

  /**
   * Measures, signs and takes the next seq (and slot); `measuredAt` never goes backwards, even if the clock does.
   * Undefined when an energy-fe meter's next slot has not ended yet: nothing to send.
   */
  nextReading(factory: ReadingFactory, now: Date = new Date()): SentReading | undefined {
    const measuredMs = Math.max(now.getTime(), this.#lastMeasuredMs + 1);
    const at = this.nextFeSlot;
    if (at !== undefined && !slotHasEnded(at, measuredMs)) {
      return undefined;
    }
    this.#lastMeasuredMs = measuredMs;
    const entry = factory(this, this.#nextSeq, new Date(measuredMs), at);
    this.#nextSeq += 1;
    if (at !== undefined) {
      this.#nextSlot += 1;
    }
    return entry;
  }

  /** Before a POST: these readings are out of the meter's hands until acknowledged. */
  markPending(entries: readonly SentReading[]): void {
    const known = new Set(this.#record.pending.map((entry) => entry.readingId));
    this.#record.pending.push(...entries.filter((entry) => !known.has(entry.readingId)));
    const highest = Math.max(...entries.map((entry) => entry.reading.seq));
    this.#record.nextSeq = Math.max(this.#record.nextSeq, highest + 1);
    const fe = this.#record.fe;
    if (fe !== undefined) {
      const slots = entries.flatMap(({ truth }) =>
        truth.kind === 'energy-fe' ? [slotIndexOf(fe.installedDay, truth)] : [],
      );
      fe.nextSlot = Math.max(fe.nextSlot, ...slots.map((index) => index + 1));
    }
  }

  markAccepted(readingIds: ReadonlySet<string>): void {
    this.#record.pending = this.#record.pending.filter((entry) => !readingIds.has(entry.readingId));
  }
}
