import type { Reading, ReadingsReceivedV1 } from '@metrochain/contracts';
import type { EventProducer, TraceContext, TrustedEvent } from '@metrochain/messaging';
import { MAX_SEND_BYTES, chunkBySize } from '../publishing/chunk-by-size';

type ReceivedEvent = TrustedEvent<'readings.received.v1'> & { json: string };

/**
 * Hands accepted readings to `readings.received.v1`, keyed by meter, with the request's trace context. Resolves
 * once Kafka acknowledged every record (acks from all in-sync replicas: the producer's setting).
 *
 * The values are not validated against the contract again (`publishTrustedBatch`): each is the reading as the
 * contract schema parsed it from the request and a `toISOString` time; `received-publisher.spec.ts` checks what this
 * builds against the contract. The JSON is built once, for the size of the sends and as the record value.
 */
export class ReceivedPublisher {
  readonly #producer: Pick<EventProducer, 'publishTrustedBatch'>;
  readonly #maxSendBytes: number;

  constructor(producer: Pick<EventProducer, 'publishTrustedBatch'>, maxSendBytes: number = MAX_SEND_BYTES) {
    this.#producer = producer;
    this.#maxSendBytes = maxSendBytes;
  }

  async publish(
    readings: readonly Reading[],
    receivedAt: string,
    trace: TraceContext | undefined,
  ): Promise<void> {
    const events = readings.map((reading): ReceivedEvent => {
      const value: ReadingsReceivedV1 = { reading, receivedAt };
      return {
        key: reading.meterId,
        value,
        json: JSON.stringify(value),
        ...(trace === undefined ? {} : { metadata: { trace } }),
      };
    });
    // One after the other: a meter's readings stay in order on its partition.
    for (const chunk of chunkBySize(events, (event) => Buffer.byteLength(event.json), this.#maxSendBytes)) {
      await this.#producer.publishTrustedBatch('readings.received.v1', chunk);
    }
  }
}
