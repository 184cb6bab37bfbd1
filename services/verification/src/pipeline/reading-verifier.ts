import {
  type Reading,
  type ReadingsReceivedV1,
  type VerificationRecord,
  signedTextOf,
} from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import type { EventEntry, EventProducer, PublishMetadata } from '@metrochain/messaging';
import type { VerificationEngine } from '../verify/verification.engine';

/** A consumed reading with the trace context to carry on. */
export interface ReceivedReading {
  value: ReadingsReceivedV1;
  metadata: PublishMetadata;
}

interface Outcome {
  reading: Reading;
  record: VerificationRecord;
  metadata: PublishMetadata;
}

export const PipelineErrorCode = { VERIFICATION_UNAVAILABLE: 'VERIFICATION_UNAVAILABLE' } as const;

/**
 * The pipeline step between ingest and measurement: each received reading is checked and logged like any API
 * check, then forwarded to `readings.verified.v1` or, with its reason, to `readings.rejected.v1` — never dropped.
 * A failure on the way (ledger, Redis, Kafka down) is retriable: nothing was forwarded, so the consumer tries again.
 */
export class ReadingVerifier {
  readonly #engine: Pick<VerificationEngine, 'verify'>;
  readonly #producer: Pick<EventProducer, 'publishBatch'>;

  constructor(engine: Pick<VerificationEngine, 'verify'>, producer: Pick<EventProducer, 'publishBatch'>) {
    this.#engine = engine;
    this.#producer = producer;
  }

  async handle(event: Readonly<ReadingsReceivedV1>, metadata: Readonly<PublishMetadata> = {}): Promise<void> {
    await this.handleBatch([{ value: event, metadata }]);
  }

  /**
   * Checks consecutive readings of one partition together and forwards them with one request per topic, in their
   * order; a failure fails the whole slice (retriable), which is then checked again — the log may hold a check
   * twice, the topics never miss one.
   */
  async handleBatch(events: readonly Readonly<ReceivedReading>[]): Promise<void> {
    try {
      const outcomes = await Promise.all(events.map((event) => this.#check(event)));
      await this.#forward(outcomes);
    } catch (cause) {
      const first = events[0]?.value.reading;
      throw new DomainError({
        code: PipelineErrorCode.VERIFICATION_UNAVAILABLE,
        message: `${String(events.length)} reading(s) from ${first?.meterId ?? '?'} on could not be verified now`,
        retriable: true,
        details: { cause: String(cause) },
      });
    }
  }

  async #check(event: Readonly<ReceivedReading>): Promise<Outcome> {
    const { reading } = event.value;
    const record = await this.#engine.verify({
      source: 'pipeline',
      meterId: reading.meterId,
      seq: reading.seq,
      data: signedTextOf(reading),
      signature: reading.signature,
      measuredAt: reading.measuredAt,
    });
    return { reading, record, metadata: event.metadata };
  }

  async #forward(outcomes: readonly Outcome[]): Promise<void> {
    const verified: EventEntry<'readings.verified.v1'>[] = [];
    const rejected: EventEntry<'readings.rejected.v1'>[] = [];
    for (const { reading, record, metadata } of outcomes) {
      if (record.outcome === 'valid') {
        verified.push({
          key: reading.meterId,
          value: { reading, verifiedBy: record.verifiedBy, verifiedAt: record.checkedAt },
          metadata,
        });
      } else {
        rejected.push({
          key: reading.meterId,
          value: {
            reading,
            reason: record.reason,
            detail: `verification ${record.verificationId}: meter ${record.meterStatus}`,
            stage: 'verification',
            rejectedBy: record.verifiedBy,
            rejectedAt: record.checkedAt,
          },
          metadata,
        });
      }
    }
    await Promise.all([
      this.#producer.publishBatch('readings.verified.v1', verified),
      this.#producer.publishBatch('readings.rejected.v1', rejected),
    ]);
  }
}
