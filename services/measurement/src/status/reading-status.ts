import type {
  MeasurementResult,
  REJECTION_STAGES,
  ReadingRejectionReason,
  ReadingStatus,
} from '@metrochain/contracts';

export type RejectionStage = (typeof REJECTION_STAGES)[number];

/** What a status change records besides the status; the fields of the previous status are dropped. */
export type StatusUpdate =
  | Readonly<{ status: 'received' | 'verified'; updatedAt: string; traceId?: string | undefined }>
  | Readonly<{
      status: 'recorded';
      updatedAt: string;
      result: MeasurementResult;
      txId: string;
      blockNumber: number;
    }>
  | Readonly<{
      status: 'rejected';
      updatedAt: string;
      reason: ReadingRejectionReason;
      stage: RejectionStage;
      lrCode?: string | undefined;
      detail?: string | undefined;
    }>;

export interface ReadingStatusChange {
  readingId: string;
  update: StatusUpdate;
}

/**
 * Statuses only move forward. `recorded` outranks `rejected`: the ledger record is the final word, so a reading
 * refused once (say, before its meter was active) and recorded after the client sent it again shows as recorded,
 * and a redelivered copy of a recorded reading that verification now refuses cannot hide the record.
 */
export const STATUS_RANK: Readonly<Record<ReadingStatus, number>> = Object.freeze({
  received: 1,
  verified: 2,
  rejected: 3,
  recorded: 4,
});

/** Whether `next` may replace `current` (undefined: the reading has no status yet). */
export function movesForward(current: ReadingStatus | undefined, next: ReadingStatus): boolean {
  return current === undefined || STATUS_RANK[next] > STATUS_RANK[current];
}

/** Per reading id, the last status and its details; RedisStatusStore is the real one. */
export interface StatusStore {
  /** Applies each change unless its reading already has that status or a later one; atomic per reading. */
  apply(changes: readonly Readonly<ReadingStatusChange>[]): Promise<void>;
  /** The stored fields of the reading's status, or undefined when it has none (unknown or expired). */
  read(readingId: string): Promise<Readonly<Record<string, string>> | undefined>;
}
