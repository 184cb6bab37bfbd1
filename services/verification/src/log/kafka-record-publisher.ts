import type { VerificationRecord } from '@metrochain/contracts';
import type { EventProducer } from '@metrochain/messaging';
import type { RecordPublisher } from './log-ports';

/** At most this many records per produce request, well below Kafka's default 1 MiB request size. */
const RECORDS_PER_REQUEST = 500;

/** Sends a sealed batch's records to `verifications.v1`, keyed by meter. */
export class KafkaRecordPublisher implements RecordPublisher {
  readonly #producer: Pick<EventProducer, 'publishBatch'>;

  constructor(producer: Pick<EventProducer, 'publishBatch'>) {
    this.#producer = producer;
  }

  async publish(records: readonly VerificationRecord[]): Promise<void> {
    for (let start = 0; start < records.length; start += RECORDS_PER_REQUEST) {
      const slice = records.slice(start, start + RECORDS_PER_REQUEST);
      await this.#producer.publishBatch(
        'verifications.v1',
        slice.map((record) => ({ key: record.meterId, value: record })),
      );
    }
  }
}
