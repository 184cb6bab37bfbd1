import { MeasurementErrorCode, measurementError } from '../http/measurement-error';

/** What the pipeline holds, as a lag source reads it. */
export interface LagReading {
  /** Readings accepted and not yet recorded or rejected, every instance's. */
  inFlight: number;
  /** A running count of readings that left the pipeline's last stage; its growth is the drain rate. */
  drained: number;
}

export interface LagSource {
  read(): Promise<LagReading>;
}

export interface IngestAdmissionOptions {
  source: LagSource;
  /** The ceiling of the bound: at or above this many readings in flight, requests are always refused. */
  maxInFlight: number;
  /**
   * The mean time a reading may spend in flight: the bound is the recent drain rate times this (Little's law), so
   * it follows what the host records now rather than what it recorded once. 1,750 ms.
   */
  latencyBudgetMs?: number;
  /** The bound never falls below this (an idle or stalled pipeline still takes a burst): 200, or the ceiling. */
  minInFlight?: number;
  /** How often the source is read; 500 ms. */
  pollMs?: number;
  /** A reading older than this no longer counts (the source hangs): 5 s. */
  staleMs?: number;
  /** The window of the drain rate behind the bound and Retry-After; 10 s. */
  rateWindowMs?: number;
  /** Retry-After never exceeds this; 30 s. */
  maxRetryAfterSeconds?: number;
  /**
   * The drain rate Retry-After assumes while none is measured yet (a burst on an idle pipeline: nothing recorded in
   * the window). Default: the floor of the bound over the latency budget.
   */
  nominalDrainPerSecond?: number;
  now?: () => number;
  onPollFailure?: (error: unknown) => void;
}

export interface AdmissionSnapshot {
  /** The estimate; undefined while the source cannot be read (then nothing is refused on its basis). */
  inFlight: number | undefined;
  /** The bound now: the drain rate times the latency budget, within the floor and the ceiling. */
  maxInFlight: number;
  drainPerSecond: number;
  refusedRequests: number;
  refusedReadings: number;
}

interface Sample {
  at: number;
  drained: number;
}

/**
 * Admission control of ingest: refuses requests while the pipeline holds as many readings as it can record within
 * the commit latency the service promises, so that clients back off instead of queueing without bound. The bound
 * is the drain rate measured over the last window times the latency budget (within a floor and a ceiling): a fixed
 * bound holds the latency only on the host it was sized for, and this one's speed varies threefold. The
 * estimate is the source's reading (Kafka lag: crash-proof, shared by every instance) plus what this instance
 * accepted since, so a burst between two polls cannot overshoot by a whole poll interval. When the source cannot
 * be read, nothing is refused on that basis: publishing then fails on its own if Kafka is gone.
 */
export class IngestAdmission {
  readonly #source: LagSource;
  readonly #max: number;
  readonly #min: number;
  readonly #budgetS: number;
  readonly #pollMs: number;
  readonly #staleMs: number;
  readonly #rateWindowMs: number;
  readonly #maxRetryAfterS: number;
  readonly #nominalDrain: number;
  readonly #now: () => number;
  readonly #onPollFailure: ((error: unknown) => void) | undefined;
  #base: { inFlight: number; at: number; acceptedMark: number } | undefined;
  #samples: Sample[] = [];
  #accepted = 0;
  #refusedRequests = 0;
  #refusedReadings = 0;
  #polling: Promise<void> | undefined;
  #timer: NodeJS.Timeout | undefined;

  constructor(options: Readonly<IngestAdmissionOptions>) {
    this.#source = options.source;
    this.#max = options.maxInFlight;
    this.#min = Math.min(options.minInFlight ?? 200, options.maxInFlight);
    this.#budgetS = (options.latencyBudgetMs ?? 1_750) / 1000;
    this.#pollMs = options.pollMs ?? 500;
    this.#staleMs = options.staleMs ?? 5_000;
    this.#rateWindowMs = options.rateWindowMs ?? 10_000;
    this.#maxRetryAfterS = options.maxRetryAfterSeconds ?? 30;
    this.#nominalDrain = options.nominalDrainPerSecond ?? this.#min / this.#budgetS;
    this.#now = options.now ?? Date.now;
    this.#onPollFailure = options.onPollFailure;
  }

  /** Polls in the background; the timer does not keep the process alive. */
  start(): void {
    if (this.#timer !== undefined) {
      return;
    }
    void this.poll();
    this.#timer = setInterval(() => void this.poll(), this.#pollMs);
    this.#timer.unref();
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** Reads the source once (a poll still running is awaited, not doubled). */
  poll(): Promise<void> {
    this.#polling ??= this.#read().finally(() => {
      this.#polling = undefined;
    });
    return this.#polling;
  }

  /**
   * Admits `count` readings, counting them in flight from now on, or throws INGEST_OVERLOADED (503, retriable,
   * Retry-After). A request that then fails before it is accepted gives its share back with `release`.
   */
  admit(count: number): void {
    const inFlight = this.inFlight();
    const bound = this.bound();
    if (inFlight !== undefined && inFlight >= bound) {
      this.#refusedRequests += 1;
      this.#refusedReadings += count;
      const retryAfterSeconds = this.#retryAfterSeconds(inFlight + count - bound);
      throw measurementError(
        MeasurementErrorCode.INGEST_OVERLOADED,
        `the pipeline holds ${String(inFlight)} readings (at most ${String(bound)} now); nothing was accepted, ` +
          `send the same request again after ${String(retryAfterSeconds)} s`,
        { retriable: true, details: { retryAfterSeconds } },
      );
    }
    this.#accepted += count;
  }

  release(count: number): void {
    this.#accepted -= count;
  }

  /**
   * Readings in flight as far as this instance knows; undefined when the source could not be read lately. Between
   * two reads the pipeline goes on draining at the measured rate: without taking that off, the estimate ran a poll
   * interval's drain (~0.1–0.3 s of it) above the lag, and the bound admitted less than the budget allows.
   */
  inFlight(): number | undefined {
    const base = this.#base;
    const sinceRead = this.#now() - (base?.at ?? 0);
    if (base === undefined || sinceRead > this.#staleMs) {
      return undefined;
    }
    const drainedSince = Math.min(
      base.inFlight,
      Math.floor((this.drainPerSecond() * Math.max(0, sinceRead)) / 1000),
    );
    return base.inFlight - drainedSince + Math.max(0, this.#accepted - base.acceptedMark);
  }

  /** Readings leaving the pipeline per second over the recent window. */
  drainPerSecond(): number {
    const first = this.#samples[0];
    const last = this.#samples.at(-1);
    if (first === undefined || last === undefined || last.at <= first.at) {
      return 0;
    }
    return (Math.max(0, last.drained - first.drained) * 1000) / (last.at - first.at);
  }

  /** The in-flight bound now: drain rate × latency budget, within [floor, ceiling]. */
  bound(): number {
    const byRate = Math.round(this.drainPerSecond() * this.#budgetS);
    return Math.min(this.#max, Math.max(this.#min, byRate));
  }

  snapshot(): AdmissionSnapshot {
    return {
      inFlight: this.inFlight(),
      maxInFlight: this.bound(),
      drainPerSecond: this.drainPerSecond(),
      refusedRequests: this.#refusedRequests,
      refusedReadings: this.#refusedReadings,
    };
  }

  async #read(): Promise<void> {
    // The lag is as of the read's start: what was accepted or drained after it is not in it.
    const acceptedMark = this.#accepted;
    const at = this.#now();
    try {
      const reading = await this.#source.read();
      this.#base = { inFlight: reading.inFlight, at, acceptedMark };
      this.#samples.push({ at, drained: reading.drained });
      this.#samples = this.#samples.filter((sample) => at - sample.at <= this.#rateWindowMs);
    } catch (error) {
      this.#base = undefined;
      this.#onPollFailure?.(error);
    }
  }

  /** The seconds the recent drain rate (or the nominal one) needs to take `excess` readings out, within [1, max]. */
  #retryAfterSeconds(excess: number): number {
    const measured = this.drainPerSecond();
    const rate = measured > 0 ? measured : this.#nominalDrain;
    const seconds = rate > 0 ? Math.ceil(excess / rate) : this.#maxRetryAfterS;
    return Math.min(this.#maxRetryAfterS, Math.max(1, seconds));
  }
}
