import { DomainError } from '@metrochain/errors';
import type { ConsumedEvent } from '@metrochain/messaging';
import { identify } from '../readings/reading-identity';
import type { MeasurementStats } from '../stats/measurement-stats';
import type { ReadingStatusChange, StatusStore } from './reading-status';

export const StatusErrorCode = { STATUS_UNAVAILABLE: 'STATUS_UNAVAILABLE' } as const;

type RejectedEvent = Readonly<ConsumedEvent<'readings.rejected.v1'>>;

/**
 * readings.rejected.v1 → status `rejected` with stage, reason and details. Rejections by the ledger were written
 * by this service's recorder already (then this is a no-op) and were counted there; only verification's are
 * counted here.
 */
export class RejectedReadingsHandler {
  readonly #statuses: Pick<StatusStore, 'apply'>;
  readonly #stats: Pick<MeasurementStats, 'count'>;

  constructor(statuses: Pick<StatusStore, 'apply'>, stats: Pick<MeasurementStats, 'count'>) {
    this.#statuses = statuses;
    this.#stats = stats;
  }

  async handle(events: readonly RejectedEvent[]): Promise<void> {
    try {
      await this.#statuses.apply(events.map(changeOf));
    } catch (cause) {
      // Retriable, so that a Redis outage holds the partition instead of dead-lettering the rejections.
      throw new DomainError({
        code: StatusErrorCode.STATUS_UNAVAILABLE,
        message: `${events.length} rejection(s) could not be stored now`,
        retriable: true,
        details: { cause: String(cause) },
      });
    }
    const refused = events.filter((event) => stageOf(event) === 'verification');
    this.#stats.count(
      'rejected',
      refused.length,
      refused.map((event) => event.value.reason),
    );
  }
}

function stageOf(event: RejectedEvent): 'verification' | 'ledger' {
  // Absent means verification: records from before the ledger stage existed.
  return event.value.stage ?? 'verification';
}

function changeOf(event: RejectedEvent): ReadingStatusChange {
  const { reading, reason, lrCode, detail, rejectedAt } = event.value;
  return {
    readingId: identify(reading).readingId,
    update: { status: 'rejected', updatedAt: rejectedAt, reason, stage: stageOf(event), lrCode, detail },
  };
}
