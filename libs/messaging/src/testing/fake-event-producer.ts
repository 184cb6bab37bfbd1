import {
  type EventKey,
  type EventValue,
  type TopicName,
  validateEvent,
  validateEventKey,
} from '@metrochain/contracts';
import type { RecordMetadata } from 'kafkajs';
import type { TrustedEvent } from '../event-codec';
import type { PublishMetadata } from '../event-headers';
import type { EventEntry, EventProducer } from '../event-producer';

export interface SentEvent {
  topic: TopicName;
  key: string;
  value: unknown;
  metadata: Readonly<PublishMetadata> | undefined;
}

/**
 * An EventProducer as a service sees it. Every event, trusted ones included, is checked against its contract, so a spec
 * fails when the service builds something the contract refuses. `hold` keeps sends pending until released.
 */
export class FakeEventProducer implements Pick<
  EventProducer,
  'publish' | 'publishBatch' | 'publishTrustedBatch'
> {
  /** Every acknowledged send, as the list of its events. */
  readonly sends: SentEvent[][] = [];
  /** Makes every send fail until cleared. */
  failWith: Error | undefined;
  /** Makes the next this many sends fail. */
  failTimes = 0;
  /** While set, sends wait for it before they are acknowledged (or fail). */
  hold: Promise<void> | undefined;

  get events(): SentEvent[] {
    return this.sends.flat();
  }

  on(topic: TopicName): SentEvent[] {
    return this.events.filter((event) => event.topic === topic);
  }

  publish<T extends TopicName>(
    topic: T,
    key: EventKey<T>,
    value: EventValue<T>,
    metadata?: Readonly<PublishMetadata>,
  ): Promise<RecordMetadata[]> {
    return this.#send(topic, [{ key, value, metadata }]);
  }

  publishBatch<T extends TopicName>(
    topic: T,
    entries: readonly Readonly<EventEntry<T>>[],
  ): Promise<RecordMetadata[]> {
    return this.#send(topic, entries);
  }

  publishTrustedBatch<T extends TopicName>(
    topic: T,
    events: readonly Readonly<TrustedEvent<T>>[],
  ): Promise<RecordMetadata[]> {
    for (const event of events) {
      if (event.json !== undefined && event.json !== JSON.stringify(event.value)) {
        throw new Error(`the JSON of a ${topic} event does not encode its value`);
      }
    }
    return this.#send(topic, events);
  }

  async #send(
    topic: TopicName,
    entries: readonly Readonly<{
      key: string;
      value: unknown;
      metadata?: Readonly<PublishMetadata> | undefined;
    }>[],
  ): Promise<RecordMetadata[]> {
    const sent = entries.map((entry) => ({
      topic,
      key: validateEventKey(topic, entry.key),
      value: validateEvent(topic, entry.value),
      metadata: entry.metadata,
    }));
    await this.hold;
    if (this.failWith !== undefined) {
      throw this.failWith;
    }
    if (this.failTimes > 0) {
      this.failTimes -= 1;
      throw new Error('broker unavailable');
    }
    this.sends.push(sent);
    return [];
  }
}
