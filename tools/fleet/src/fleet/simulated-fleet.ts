import { isDomainError } from '@metrochain/errors';
import type { MeasurementApi } from '../http/measurement-client';
import { registerFleet, type RegistrationSummary } from '../registration/register-fleet';
import type { RegistrationTarget } from '../registration/register-meter';
import type { SentReading } from '../state/meter-record';
import type { StateStore } from '../state/state-store';
import type { FleetStatus } from '../watch/stats-view';
import type { Fleet, FleetMeter } from './fleet';
import type { FleetCounters, FleetEventListener } from './fleet-events';
import type { ReadingFactory } from './reading-factory';
import { type FleetFaults, isDropped } from './fleet-faults';
import { runTicker } from './reading-ticker';
import { SenderLane } from './sender-lane';
import type { SimulatedMeter } from './simulated-meter';
import type { TruthLog } from './truth-log';

export interface FleetParts {
  store: StateStore;
  meters: readonly SimulatedMeter[];
  measurementApi: MeasurementApi;
  registrationTargets: readonly RegistrationTarget[];
  factory: ReadingFactory;
  /** Injected faults: seqs in dropSeqs are signed but never sent. */
  faults?: FleetFaults;
  truthLog: TruthLog;
  rate: number;
  batch: number;
  senders: number;
  lingerMs: number;
  registrationConcurrency: number;
  /** Approves the fleet's models before registering (idempotent on the ledger); none when models are approved. */
  approveModels?: (models: readonly string[]) => Promise<void>;
  onEvent?: FleetEventListener;
}

/** Beyond this many unsent readings a lane's meters skip ticks: a service that is down does not fill the memory. */
const MAX_LANE_BACKLOG = 5000;
const DEFAULT_GRACE_MS = 10_000;

/** The fleet: meters in lanes (one POST in flight each), a ticker that makes them measure, the truths of what went. */
export class SimulatedFleet implements Fleet {
  readonly #parts: FleetParts;
  readonly #lanes: SenderLane[];
  readonly #laneOf = new Map<SimulatedMeter, SenderLane>();
  readonly #stopping = new AbortController();
  readonly #abort = new AbortController();
  readonly #counters: FleetCounters;
  #running: Promise<FleetCounters> | undefined;
  /** run() and postReadings() in progress, which stop() waits for. */
  readonly #work = new Set<Promise<unknown>>();
  #closed = false;

  constructor(parts: FleetParts) {
    this.#parts = parts;
    this.#counters = { meters: parts.meters.length, signed: 0, sent: 0, batches: 0, retries: 0 };
    const laneCount = Math.max(1, Math.min(parts.senders, parts.meters.length));
    this.#lanes = Array.from({ length: laneCount }, () => this.#newLane());
    parts.meters.forEach((meter, index) => {
      const lane = this.#lanes[index % laneCount] as SenderLane;
      lane.addMeter(meter);
      this.#laneOf.set(meter, lane);
    });
  }

  get fleetId(): string {
    return this.#parts.store.fleetId;
  }

  get meters(): readonly FleetMeter[] {
    return this.#parts.meters.map((meter) => ({
      meterId: meter.meterId,
      kind: meter.kind,
      model: meter.model,
      publicKeyPem: meter.key.publicKey.pem,
      keyFingerprint: meter.key.publicKey.fingerprint,
    }));
  }

  get truths(): Fleet['truths'] {
    return this.#parts.truthLog.truths;
  }

  async register(): Promise<RegistrationSummary> {
    const { meters, registrationTargets, registrationConcurrency, store, onEvent } = this.#parts;
    await this.#parts.approveModels?.([...new Set(meters.map((meter) => meter.model))]);
    return registerFleet(meters, {
      targets: registrationTargets,
      concurrency: registrationConcurrency,
      saveMeter: (record) => {
        store.saveMeter(record);
      },
      ...(onEvent === undefined ? {} : { onEvent }),
    });
  }

  postReadings(perMeter: number): Promise<SentReading[]> {
    const signed: SentReading[] = [];
    for (let round = 0; round < perMeter; round += 1) {
      for (const meter of this.#parts.meters) {
        const entry = this.#measure(meter);
        if (entry !== undefined) {
          signed.push(entry);
        }
      }
    }
    return this.#track(Promise.all(this.#lanes.map((lane) => lane.drain())).then(() => signed));
  }

  run(options: Readonly<{ durationS?: number }> = {}): Promise<FleetCounters> {
    this.#running ??= this.#track(this.#run(options.durationS));
    return this.#running;
  }

  counters(): FleetCounters {
    return { ...this.#counters };
  }

  status(): FleetStatus {
    const pending = this.#lanes.reduce((sum, lane) => sum + lane.backlog, 0);
    const { meters, sent, retries } = this.#counters;
    return { meters, sent, pending, retries };
  }

  /** Failures of run() and postReadings() reach their own callers; stopping itself does not fail. */
  async stop(options: Readonly<{ graceMs?: number }> = {}): Promise<void> {
    this.#stopping.abort();
    const timer = setTimeout(() => {
      this.#abort.abort();
    }, options.graceMs ?? DEFAULT_GRACE_MS);
    await Promise.allSettled([...this.#work]);
    clearTimeout(timer);
    this.#close();
  }

  #track<T>(work: Promise<T>): Promise<T> {
    this.#work.add(work);
    const forget = (): void => {
      this.#work.delete(work);
    };
    work.then(forget, forget);
    return work;
  }

  async #run(durationS: number | undefined): Promise<FleetCounters> {
    const until = this.#stopping.signal;
    const timer =
      durationS === undefined
        ? undefined
        : setTimeout(() => {
            this.#stopping.abort();
          }, durationS * 1000);
    const tasks = [
      runTicker({
        rate: this.#parts.rate,
        until,
        tick: () => {
          this.#tick();
        },
      }),
      ...this.#lanes.map((lane) => lane.run(until)),
    ].map((task) =>
      task.catch((error: unknown) => {
        // One lane refused (e.g. 400): the others stop too rather than run on past a hole in one meter's seqs.
        this.#stopping.abort();
        this.#abort.abort();
        throw error;
      }),
    );
    const results = await Promise.allSettled(tasks);
    clearTimeout(timer);
    const failure = results.find((result) => result.status === 'rejected');
    if (failure !== undefined) {
      throw failure.reason;
    }
    return this.counters();
  }

  #tick(): void {
    for (const meter of this.#parts.meters) {
      if ((this.#laneOf.get(meter)?.backlog ?? 0) < MAX_LANE_BACKLOG) {
        this.#measure(meter);
      }
    }
  }

  /** Undefined when the meter has nothing to send yet (an energy-fe meter whose next slot has not ended). */
  #measure(meter: SimulatedMeter): SentReading | undefined {
    const entry = meter.nextReading(this.#parts.factory);
    if (entry !== undefined && isDropped(this.#parts.faults, meter.meterId, entry.reading.seq)) {
      return entry;
    }
    if (entry !== undefined) {
      this.#laneOf.get(meter)?.enqueue(entry);
      this.#counters.signed += 1;
    }
    return entry;
  }

  #newLane(): SenderLane {
    const { store, measurementApi, batch, lingerMs, onEvent } = this.#parts;
    return new SenderLane({
      api: measurementApi,
      saveMeter: (record) => {
        store.saveMeter(record);
      },
      batch,
      lingerMs,
      abort: this.#abort.signal,
      onRetry: (error, attempt, delayMs) => {
        this.#counters.retries += 1;
        const code = isDomainError(error) ? error.code : 'INTERNAL';
        const message = error instanceof Error ? error.message : String(error);
        onEvent?.({ type: 'retry', attempt, delayMs, code, message });
      },
      onAccepted: (entries) => {
        this.#accepted(entries);
      },
    });
  }

  #accepted(entries: readonly SentReading[]): void {
    this.#parts.truthLog.record(entries);
    this.#counters.sent += entries.length;
    this.#counters.batches += 1;
    const first = entries[0];
    const last = entries.at(-1);
    if (first !== undefined && last !== undefined) {
      const meters = new Set(entries.map((entry) => entry.reading.meterId)).size;
      const { readingId: firstReadingId } = first;
      const { readingId: lastReadingId } = last;
      this.#parts.onEvent?.({
        type: 'batch',
        readings: entries.length,
        meters,
        firstReadingId,
        lastReadingId,
      });
    }
  }

  #close(): void {
    if (!this.#closed) {
      this.#closed = true;
      this.#parts.store.close();
    }
  }
}
