import { createKafkaClient } from '@metrochain/messaging';
import type { Consumer } from 'kafkajs';

export interface RecordedEvent {
  meterId: string;
  seq: number;
  at: number;
}

/**
 * Watches `measurements.recorded.v1` and `readings.rejected.v1` from their ends: the benchmark's view of when a
 * reading was committed (the event follows the commit) or refused. Values are parsed loosely on purpose: the
 * benchmark measures, the integration tests check contracts.
 */
export class RecordedWatch {
  readonly recorded = new Map<string, number>();
  readonly rejected = new Map<string, string>();
  #consumer: Consumer | undefined;
  #listener: ((event: RecordedEvent) => void) | undefined;

  async start(brokers: string[]): Promise<void> {
    const kafka = createKafkaClient({ clientId: 'bench-pipeline-watch', brokers });
    const consumer = kafka.consumer({
      groupId: `bench-pipeline-${Date.now().toString(36)}`,
      maxWaitTimeInMs: 50,
    });
    this.#consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({
      topics: ['measurements.recorded.v1', 'readings.rejected.v1'],
      fromBeginning: false,
    });
    await consumer.run({
      eachBatch: ({ batch }) => {
        const at = performance.now();
        for (const message of batch.messages) {
          this.#take(batch.topic, message.value?.toString() ?? '{}', at);
        }
        return Promise.resolve();
      },
    });
  }

  onRecorded(listener: (event: RecordedEvent) => void): void {
    this.#listener = listener;
  }

  async stop(): Promise<void> {
    await this.#consumer?.disconnect();
  }

  #take(topic: string, json: string, at: number): void {
    const value = JSON.parse(json) as {
      meterId?: string;
      seq?: number;
      reading?: { meterId: string; seq: number };
      reason?: string;
    };
    if (topic === 'readings.rejected.v1' && value.reading !== undefined) {
      this.rejected.set(`${value.reading.meterId}~${String(value.reading.seq)}`, value.reason ?? '?');
      return;
    }
    if (value.meterId === undefined || value.seq === undefined) {
      return;
    }
    const key = `${value.meterId}~${String(value.seq)}`;
    if (!this.recorded.has(key)) {
      this.recorded.set(key, at);
      this.#listener?.({ meterId: value.meterId, seq: value.seq, at });
    }
  }
}
