import { deliverBatch } from '../ingest/deliver-batch';
import type { MeasurementApi } from '../http/measurement-client';
import { pause } from '../util/pause';
import type { MeterRecord, SentReading } from '../state/meter-record';
import type { SimulatedMeter } from './simulated-meter';

export interface LaneContext {
  api: Pick<MeasurementApi, 'postBatch'>;
  saveMeter(record: MeterRecord): void;
  /** Readings per POST. */
  batch: number;
  /** A partial batch goes once its oldest reading waited this long. */
  lingerMs: number;
  /** Aborts requests and retries in flight: the fleet stops now, unsent readings stay pending in the state. */
  abort: AbortSignal;
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
  onAccepted?: (entries: readonly SentReading[]) => void;
}

const POLL_MS = 20;

/**
 * Sends the readings of a fixed set of meters, one POST in flight at a time. A meter belongs to exactly one lane, so
 * its readings reach the service in seq order even when a request is retried: a later batch never overtakes an
 * earlier one, which the ledger would refuse as SEQ_OUT_OF_ORDER.
 */
export class SenderLane {
  readonly #context: LaneContext;
  readonly #meters = new Map<string, SimulatedMeter>();
  readonly #queue: { entry: SentReading; queuedAt: number }[] = [];
  /** The last POST; the next waits for it, so run() and drain() together still send one at a time. */
  #sending: Promise<void> = Promise.resolve();

  constructor(context: LaneContext) {
    this.#context = context;
  }

  /** Takes the meter over, with the readings it still has pending from an earlier run, which go first. */
  addMeter(meter: SimulatedMeter): void {
    this.#meters.set(meter.meterId, meter);
    meter.pending.forEach((entry) => {
      this.enqueue(entry);
    });
  }

  enqueue(entry: SentReading): void {
    this.#queue.push({ entry, queuedAt: Date.now() });
  }

  /** Readings signed and not yet acknowledged. */
  get backlog(): number {
    return this.#queue.length;
  }

  /** Sends full batches as they fill and partial ones after `lingerMs`, until `until` aborts; then the rest. */
  async run(until: AbortSignal): Promise<void> {
    while (!until.aborted) {
      if (this.#ready()) {
        await this.#sendNext();
      } else {
        await pause(POLL_MS, until);
      }
    }
    await this.drain();
  }

  /** Sends everything queued now, `batch` readings per POST. */
  async drain(): Promise<void> {
    while (this.#queue.length > 0) {
      await this.#sendNext();
    }
  }

  #ready(): boolean {
    const oldest = this.#queue[0];
    return (
      this.#queue.length >= this.#context.batch ||
      (oldest !== undefined && Date.now() - oldest.queuedAt >= this.#context.lingerMs)
    );
  }

  #sendNext(): Promise<void> {
    const next = this.#sending.then(() => this.#sendBatch());
    this.#sending = next.catch(() => undefined);
    return next;
  }

  async #sendBatch(): Promise<void> {
    const { api, abort, onRetry } = this.#context;
    if (this.#queue.length === 0) {
      return;
    }
    const batch = this.#queue.slice(0, this.#context.batch).map((queued) => queued.entry);
    const meters = this.#metersOf(batch);
    // Kept before the request: a crash from here on sends these same readings again after the restart.
    for (const [meter, entries] of meters) {
      meter.markPending(entries);
      this.#context.saveMeter(meter.snapshot());
    }
    await deliverBatch(api, batch, { signal: abort, ...(onRetry ? { onRetry } : {}) });
    this.#queue.splice(0, batch.length);
    const ids = new Set(batch.map((entry) => entry.readingId));
    for (const meter of meters.keys()) {
      meter.markAccepted(ids);
      this.#context.saveMeter(meter.snapshot());
    }
    this.#context.onAccepted?.(batch);
  }

  #metersOf(batch: readonly SentReading[]): Map<SimulatedMeter, SentReading[]> {
    const groups = new Map<SimulatedMeter, SentReading[]>();
    for (const entry of batch) {
      const meter = this.#meters.get(entry.reading.meterId);
      if (meter === undefined) {
        throw new Error(`lane has no meter ${entry.reading.meterId}`);
      }
      const entries = groups.get(meter) ?? [];
      entries.push(entry);
      groups.set(meter, entries);
    }
    return groups;
  }
}
