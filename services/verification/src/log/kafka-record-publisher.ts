import type { EventProducer } from '@metrochain/messaging';
import type { LoggedRecord, RecordPublisher } from './log-ports';

/** At most this many records per produce request, well below Kafka's default 1 MiB request size. */
const RECORDS_PER_REQUEST = 500;

/**
 * Sends a sealed batch's records to `verifications.v1`, keyed by meter, each as its canonical JSON: the value's bytes
 * are the record's Merkle leaf.
 *
 * The values are not validated against the contract again (`publishTrustedBatch`): the service assembled every
 * record itself from parts that were validated or generated in the contract's formats — the request or the consumed
 * reading (zod), the meter record (contract schema on every read from the ledger or Redis), SHA-256 hex digests,
 * `toISOString` times, the configured instance id and MSP id — and the type of each record is the contract's.
 * `kafka-record-publisher.spec.ts` holds what the engine and the log build to the contract. Records read back from Redis
 * (recovery) are parsed against the contract before they get here.
 */
export class KafkaRecordPublisher implements RecordPublisher {
  readonly #producer: Pick<EventProducer, 'publishTrustedBatch'>;

  constructor(producer: Pick<EventProducer, 'publishTrustedBatch'>) {
    this.#producer = producer;
  }

  async publish(records: readonly LoggedRecord[]): Promise<void> {
    for (let start = 0; start < records.length; start += RECORDS_PER_REQUEST) {
      const slice = records.slice(start, start + RECORDS_PER_REQUEST);
      await this.#producer.publishTrustedBatch(
        'verifications.v1',
        slice.map(({ record, canonicalJson }) => ({
          key: record.meterId,
          value: record,
          json: canonicalJson,
        })),
      );
    }
  }
}
