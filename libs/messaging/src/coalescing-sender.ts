import type { Message, ProducerRecord, RecordMetadata } from 'kafkajs';
import { ACKS_ALL } from './producer-config';

/**
 * Kafka refuses a record batch for one partition above the broker's `message.max.bytes` (1 MiB by default); sends
 * waiting together are joined only up to this size (a single larger send still goes alone, as before).
 */
export const MAX_COALESCED_BYTES = 768 * 1024;

interface Waiting {
  topic: string;
  messages: Message[];
  bytes: number;
  resolve: (metadata: RecordMetadata[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Joins sends that wait for the producer into one request. An idempotent kafkajs producer has one request in
 * flight, and kafkajs sends every `send` as a request of its own, so under concurrent callers (one per ingest
 * request) the requests queued one behind the other. Here a send goes at once when nothing is in flight; sends that
 * arrive meanwhile wait and then go together — consecutive ones of the same topic as one request, in arrival order,
 * so the order per partition is kept. Each caller resolves when the request holding its messages was acknowledged
 * and rejects with that request's error.
 */
export class CoalescingSender {
  readonly #send: (record: ProducerRecord) => Promise<RecordMetadata[]>;
  readonly #maxBytes: number;
  readonly #waiting: Waiting[] = [];
  #draining = false;

  constructor(send: (record: ProducerRecord) => Promise<RecordMetadata[]>, maxBytes = MAX_COALESCED_BYTES) {
    this.#send = send;
    this.#maxBytes = maxBytes;
  }

  send(topic: string, messages: Message[]): Promise<RecordMetadata[]> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ topic, messages, bytes: sizeOf(messages), resolve, reject });
      void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    if (this.#draining) {
      return;
    }
    this.#draining = true;
    try {
      for (let group = this.#nextGroup(); group.length > 0; group = this.#nextGroup()) {
        await this.#sendGroup(group);
      }
    } finally {
      this.#draining = false;
    }
  }

  /** The longest run of waiting sends of the first one's topic within the size bound (at least one). */
  #nextGroup(): Waiting[] {
    const first = this.#waiting[0];
    if (first === undefined) {
      return [];
    }
    let count = 1;
    let bytes = first.bytes;
    for (const next of this.#waiting.slice(1)) {
      if (next.topic !== first.topic || bytes + next.bytes > this.#maxBytes) {
        break;
      }
      count += 1;
      bytes += next.bytes;
    }
    return this.#waiting.splice(0, count);
  }

  async #sendGroup(group: readonly Waiting[]): Promise<void> {
    try {
      const metadata = await this.#send({
        topic: group[0]?.topic ?? '',
        messages: group.flatMap((waiting) => waiting.messages),
        acks: ACKS_ALL,
      });
      group.forEach((waiting) => {
        waiting.resolve(metadata);
      });
    } catch (error) {
      group.forEach((waiting) => {
        waiting.reject(error);
      });
    }
  }
}

function sizeOf(messages: readonly Message[]): number {
  let bytes = 0;
  for (const { key, value } of messages) {
    bytes += lengthOf(key) + lengthOf(value);
  }
  return bytes;
}

function lengthOf(part: Message['key'] | Message['value']): number {
  if (part === null || part === undefined) {
    return 0;
  }
  return typeof part === 'string' ? Buffer.byteLength(part) : part.length;
}
