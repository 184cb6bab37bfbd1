import type { ReadingStatus } from '@metrochain/contracts';
import { type ReadingStatusChange, type StatusStore, movesForward } from '../status/reading-status';
import { statusFields } from '../status/redis-status-store';

/** Statuses in memory with the store's forward-only rule; the hash fields are those Redis would hold. */
export class FakeStatusStore implements StatusStore {
  readonly fields = new Map<string, Record<string, string>>();
  /** Every change handed over, applied or not, in order. */
  readonly changes: ReadingStatusChange[] = [];
  /** Makes every call fail until cleared, as an unreachable Redis does. */
  failWith: Error | undefined;
  /** Makes the next this many `apply` calls fail. */
  failTimes = 0;

  apply(changes: readonly Readonly<ReadingStatusChange>[]): Promise<void> {
    if (this.failWith !== undefined) {
      return Promise.reject(this.failWith);
    }
    if (this.failTimes > 0) {
      this.failTimes -= 1;
      return Promise.reject(new Error('redis unavailable'));
    }
    for (const change of changes) {
      this.changes.push(change);
      const current = this.fields.get(change.readingId)?.['status'] as ReadingStatus | undefined;
      if (movesForward(current, change.update.status)) {
        this.fields.set(change.readingId, statusFields(change.update));
      }
    }
    return Promise.resolve();
  }

  read(readingId: string): Promise<Readonly<Record<string, string>> | undefined> {
    if (this.failWith !== undefined) {
      return Promise.reject(this.failWith);
    }
    return Promise.resolve(this.fields.get(readingId));
  }

  statusOf(readingId: string): string | undefined {
    return this.fields.get(readingId)?.['status'];
  }
}
