import type { Consumer } from 'kafkajs';

/** What the watchdog listens to on a kafkajs consumer; fakes without events are simply not watched. */
export type WatchableConsumer = Partial<Pick<Consumer, 'on' | 'events'>>;

export interface ConsumerWatchdogOptions {
  /**
   * How long a consumer may show no sign of life (no heartbeat, fetch or join) while no record is being handled.
   * Longer than a rebalance may take (kafkajs' rebalance timeout is 60 s; a member joining waits that long without a
   * heartbeat), so that a slow rebalance is not taken for a stuck consumer.
   */
  stallMs?: number;
  checkEveryMs?: number;
  now?: () => number;
}

export const DEFAULT_CONSUMER_STALL_MS = 90_000;

/**
 * Replaces a kafkajs consumer that stopped consuming without saying so. The fault runner (docs/faults.md) found the
 * verification service's consumer out of its group for good after a Kafka broker restart: kafkajs logged "This is
 * not the correct coordinator for this group … re-joining" and never joined or fetched again, while the service
 * stayed up and accepted readings piled up unverified. kafkajs also gives up for good on some crashes
 * (`restart: false`). In both cases the watchdog calls `replace`, which builds a fresh consumer, leaves the old one
 * to disconnect, and runs the new one from the group's committed offsets: nothing is skipped, and what was in flight
 * is delivered again (every consumer here is at least once).
 */
export class ConsumerWatchdog {
  readonly #replace: (reason: string) => Promise<void>;
  readonly #stallMs: number;
  readonly #checkEveryMs: number;
  readonly #now: () => number;
  #lastAlive: number;
  #busy = 0;
  #replacing = false;
  #timer: NodeJS.Timeout | undefined;

  constructor(replace: (reason: string) => Promise<void>, options: Readonly<ConsumerWatchdogOptions> = {}) {
    this.#replace = replace;
    this.#stallMs = options.stallMs ?? DEFAULT_CONSUMER_STALL_MS;
    this.#checkEveryMs = options.checkEveryMs ?? 5_000;
    this.#now = options.now ?? Date.now;
    this.#lastAlive = this.#now();
  }

  /** Listens to the consumer's signs of life and to a crash kafkajs will not restart from. */
  observe(consumer: WatchableConsumer): void {
    const { on, events } = consumer;
    if (on === undefined || events === undefined) {
      return;
    }
    for (const event of [events.HEARTBEAT, events.FETCH_START, events.GROUP_JOIN, events.END_BATCH_PROCESS]) {
      on.call(consumer, event, () => {
        this.alive();
      });
    }
    on.call(consumer, events.CRASH, (crash: { payload: { restart?: boolean } }) => {
      if (crash.payload.restart === false) {
        void this.#trigger('kafkajs crashed and will not restart the consumer');
      }
    });
  }

  alive(): void {
    this.#lastAlive = this.#now();
  }

  /** Runs handler work; a consumer busy handling records is not stalled, however long the handler takes. */
  async busy<T>(work: () => Promise<T>): Promise<T> {
    this.#busy += 1;
    try {
      return await work();
    } finally {
      this.#busy -= 1;
      this.alive();
    }
  }

  start(): void {
    this.alive();
    this.#timer = setInterval(() => {
      this.check();
    }, this.#checkEveryMs);
    this.#timer.unref();
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** One check (the timer's); exposed for tests. */
  check(): void {
    const quietMs = this.#now() - this.#lastAlive;
    if (this.#busy === 0 && quietMs > this.#stallMs) {
      void this.#trigger(`no heartbeat, fetch or join for ${String(Math.round(quietMs / 1000))} s`);
    }
  }

  /**
   * Replaces the consumer now, for a reason its owner found (e.g. its offset commits keep failing); never rejects.
   * A replacement already under way is not doubled; one that fails is tried again at the next stalled check.
   */
  replaceNow(reason: string): Promise<void> {
    return this.#trigger(reason);
  }

  async #trigger(reason: string): Promise<void> {
    if (this.#replacing) {
      return;
    }
    this.#replacing = true;
    try {
      await this.#replace(reason);
    } catch {
      // The next check tries again.
    } finally {
      this.alive();
      this.#replacing = false;
    }
  }
}
