import type { ICustomPartitioner, RecordMetadata } from 'kafkajs';

const slot = (topic: string, partition: number): string => `${topic}[${String(partition)}]`;

/**
 * The partitions a producer's partitioner chose for the send in flight, to check against the brokers' answers.
 *
 * kafkajs 2.2.4 can resolve a send without having sent some of its records. A send goes out as one request per
 * partition leader; when one of them fails (its broker was killed or frozen), kafkajs retries, but only towards
 * leaders that have not answered yet (producer/sendMessages.js, `brokersWithoutResponse`). If the failed broker's
 * partitions moved to a broker that had answered for its own partitions, their records are sent to nobody and the
 * send still resolves. The fault runner (docs/faults.md) found exactly that: readings acknowledged with 202 that
 * were never in `readings.received.v1`, on partitions whose leader had just moved. Every answer names its partition,
 * so a partition chosen for the send and missing from the answers is that case.
 */
export class ChosenPartitions {
  readonly #chosen = new Set<string>();

  /** `inner` that also notes every partition it chooses; give it to the producer as `createPartitioner`. */
  wrap(inner: ICustomPartitioner): ICustomPartitioner {
    return () => {
      const partition = inner();
      return (args) => {
        const chosen = partition(args);
        this.#chosen.add(slot(args.topic, chosen));
        return chosen;
      };
    };
  }

  /** Forgets the choices of the previous send; call before each. */
  clear(): void {
    this.#chosen.clear();
  }

  /** `topic[partition]` chosen since `clear` for which no broker answered. */
  unacknowledged(answers: readonly RecordMetadata[]): string[] {
    const answered = new Set(answers.map((answer) => slot(answer.topicName, answer.partition)));
    return [...this.#chosen].filter((chosen) => !answered.has(chosen));
  }
}
