import { type Condition, conditionKey } from './health-rules';

/**
 * Debounces conditions: a failing condition is reported only once it has failed in every poll for its grace period;
 * a healthy one clears the clock at once.
 */
export class ConditionTimer {
  readonly #failingSince = new Map<string, number>();

  /** true: report; false: resolve; undefined: leave as is (still within grace, or cannot tell). */
  verdict(condition: Condition, nowMs: number): boolean | undefined {
    const key = conditionKey(condition);
    if (condition.failing === undefined) {
      return undefined;
    }
    if (!condition.failing) {
      this.#failingSince.delete(key);
      return false;
    }
    const since = this.#failingSince.get(key) ?? nowMs;
    this.#failingSince.set(key, since);
    return nowMs - since >= condition.graceMs ? true : undefined;
  }

  /** Since when the condition has been failing, if it is. */
  failingSince(condition: Pick<Condition, 'category' | 'subject' | 'dedupeKey'>): number | undefined {
    return this.#failingSince.get(conditionKey(condition));
  }
}

/**
 * Leader changes per orderer within a sliding window, from the `leader_changes` counter. The counter counts since the
 * orderer process started, so a lower value than before is a restart: the history starts again from it.
 */
export class LeaderChangeHistory {
  readonly #windowMs: number;
  readonly #samples = new Map<string, { atMs: number; value: number }[]>();

  constructor(windowMs: number) {
    this.#windowMs = windowMs;
  }

  record(orderer: string, value: number | undefined, nowMs: number): void {
    if (value === undefined) {
      return;
    }
    const previous = this.#samples.get(orderer) ?? [];
    const last = previous.at(-1);
    const kept = last !== undefined && value < last.value ? [] : previous;
    const recent = kept.filter((sample) => nowMs - sample.atMs <= this.#windowMs);
    this.#samples.set(orderer, [...recent, { atMs: nowMs, value }]);
  }

  /** Changes each orderer counted within the window (0 with fewer than two samples). */
  changesInWindow(nowMs: number): Map<string, number> {
    const changes = new Map<string, number>();
    for (const [orderer, samples] of this.#samples) {
      const recent = samples.filter((sample) => nowMs - sample.atMs <= this.#windowMs);
      const first = recent[0];
      const last = recent.at(-1);
      changes.set(orderer, first === undefined || last === undefined ? 0 : last.value - first.value);
    }
    return changes;
  }
}
