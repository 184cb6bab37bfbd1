import { MAX_RECORD_BATCH, type TopicName } from '@metrochain/contracts';
import { LedgerError, LedgerTransportCode } from '@metrochain/ledger';
import type { EventEntry, EventProducer } from '@metrochain/messaging';
import { retryUntilDone } from '@metrochain/service-kit';
import { chunkBySize } from '../publishing/chunk-by-size';
import type { StatusStore } from '../status/reading-status';
import type { MeasurementStats } from '../stats/measurement-stats';
import { type BatchEffects, effectsOf, outcomesMatch } from './batch-effects';
import { inBatchSpan } from './batch-span';
import type { CommittedBatch, MeasurementLedger } from './measurement-ledger';
import type { LrApprovalHold } from './lr-approval-hold';
import type { VerifiedReading } from './verified-reading';

export type RecorderStep = 'ledger' | 'events' | 'statuses';

export interface BatchRecorderOptions {
  ledger: MeasurementLedger;
  producer: Pick<EventProducer, 'publishBatch'>;
  statuses: Pick<StatusStore, 'apply'>;
  stats: Pick<MeasurementStats, 'recorded' | 'count'>;
  /** The MSP id of this service's organisation, named as the rejecter of what the ledger refused. */
  rejectedBy: string;
  retry?: Readonly<{ initialDelayMs?: number; maxDelayMs?: number }>;
  /** Tracks LR_NOT_APPROVED refusals of the ledger step: they are retried every 5 s and make readiness degraded. */
  hold?: LrApprovalHold;
  /** Called before each wait after a failed step, e.g. to log it. */
  onRetry?: (step: RecorderStep, error: unknown, attempt: number) => void;
  now?: () => number;
}

/**
 * Records one batch of verified readings: submits it to the measurement contract, then publishes
 * `measurements.recorded.v1` (recorded and duplicate) and `readings.rejected.v1` (stage ledger), then writes the
 * statuses. Each step is retried until it succeeds, so `record` resolves only when all are done — and only then may
 * the caller commit the offsets. A batch the contract refuses with LR_NOT_APPROVED is held the same way (see
 * LrApprovalHold): not rejected, submitted again every 5 s. `abort` (shutdown) makes it give up; the batch is then consumed again later and
 * the contract answers what it recorded already with `duplicate`.
 */
export class BatchRecorder {
  readonly #options: Readonly<BatchRecorderOptions>;
  readonly #abort = new AbortController();

  constructor(options: Readonly<BatchRecorderOptions>) {
    this.#options = options;
  }

  abort(): void {
    this.#abort.abort();
  }

  async record(batchId: string, readings: readonly VerifiedReading[]): Promise<void> {
    const unique = uniqueReadings(readings);
    if (unique.length === 0) {
      return;
    }
    if (unique.length > MAX_RECORD_BATCH) {
      throw new RangeError(`batch ${batchId} holds ${unique.length} readings; at most ${MAX_RECORD_BATCH}`);
    }
    await inBatchSpan(
      unique.map((verified) => verified.trace),
      { 'measurement.batch_id': batchId, 'measurement.batch_size': unique.length },
      () => this.#record(batchId, unique),
    );
  }

  async #record(batchId: string, readings: readonly VerifiedReading[]): Promise<void> {
    const { ledger, statuses } = this.#options;
    // `verified` goes with the submission: the ledger takes far longer, and a later `recorded` cannot be undone by it.
    const [committed] = await Promise.all([
      this.#retry('ledger', async () => {
        const done = await submit(ledger, batchId, readings);
        this.#options.hold?.released();
        return done;
      }),
      this.#retry('statuses', () =>
        statuses.apply(
          readings.map(({ readingId, verifiedAt }) => ({
            readingId,
            update: { status: 'verified', updatedAt: verifiedAt },
          })),
        ),
      ),
    ]);
    const at = new Date((this.#options.now ?? Date.now)()).toISOString();
    const effects = effectsOf(readings, committed, { rejectedBy: this.#options.rejectedBy, at });
    await this.#retry('events', () => this.#publish(effects));
    await this.#retry('statuses', () => statuses.apply(effects.statusChanges));
    this.#options.stats.recorded(effects.newlyRecorded);
    this.#options.stats.count(
      'rejected',
      effects.rejected.length,
      effects.rejected.map((rejection) => rejection.value.reason),
    );
  }

  async #publish(effects: Readonly<BatchEffects>): Promise<void> {
    await publishInChunks(this.#options.producer, 'measurements.recorded.v1', effects.recorded);
    await publishInChunks(this.#options.producer, 'readings.rejected.v1', effects.rejected);
  }

  #retry<T>(step: RecorderStep, operation: () => Promise<T>): Promise<T> {
    return retryUntilDone(operation, {
      ...this.#options.retry,
      signal: this.#abort.signal,
      onRetry: (error, attempt) => this.#options.onRetry?.(step, error, attempt),
      ...(step === 'ledger' && this.#options.hold !== undefined
        ? { delayFor: this.#options.hold.delayAfter.bind(this.#options.hold) }
        : {}),
    });
  }
}

async function submit(
  ledger: MeasurementLedger,
  batchId: string,
  readings: readonly VerifiedReading[],
): Promise<CommittedBatch> {
  const committed = await ledger.recordBatch({
    batchId,
    readings: readings.map((verified) => verified.reading),
  });
  if (!outcomesMatch(readings, committed)) {
    // Submitting again is harmless (duplicates) and surfaces the fault in the logs instead of losing readings.
    throw new LedgerError({
      code: LedgerTransportCode.LEDGER_ERROR,
      message: `the outcomes of transaction ${committed.transactionId} do not match batch ${batchId}`,
      transactionId: committed.transactionId,
    });
  }
  return committed;
}

/** A reading delivered twice in one batch is submitted once: the contract might refuse the batch otherwise. */
function uniqueReadings(readings: readonly VerifiedReading[]): VerifiedReading[] {
  const seen = new Set<string>();
  const unique: VerifiedReading[] = [];
  for (const verified of readings) {
    if (!seen.has(verified.readingId)) {
      seen.add(verified.readingId);
      unique.push(verified);
    }
  }
  return unique;
}

async function publishInChunks<T extends TopicName>(
  producer: Pick<EventProducer, 'publishBatch'>,
  topic: T,
  entries: readonly EventEntry<T>[],
): Promise<void> {
  for (const chunk of chunkBySize(entries, (entry) => Buffer.byteLength(JSON.stringify(entry.value)))) {
    await producer.publishBatch(topic, chunk);
  }
}
