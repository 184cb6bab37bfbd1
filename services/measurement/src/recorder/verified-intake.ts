import { type TopicName, deadLetterTopicOf } from '@metrochain/contracts';
import {
  ACKS_ALL,
  type KafkaMessage,
  type Message,
  type ProducerPort,
  buildDeadLetterHeaders,
  decodeEvent,
  failureCode,
  failureMessage,
  readHeaders,
  readTraceContext,
} from '@metrochain/messaging';
import { identify } from '../readings/reading-identity';
import type { RecorderItem } from './verified-reading';

export const VERIFIED_TOPIC = 'readings.verified.v1' satisfies TopicName;

/**
 * Turns records of readings.verified.v1 into recorder items. A record that breaks the contract would break every
 * batch it is in, so it goes to the dead-letter topic at once — original bytes and headers, the cause in the
 * `x-dlt-*` headers, as libs/messaging does — and stays in the stream only as an offset to commit.
 */
export class VerifiedIntake {
  readonly #deadLetters: ProducerPort;

  constructor(deadLetters: ProducerPort) {
    this.#deadLetters = deadLetters;
  }

  async connect(): Promise<void> {
    await this.#deadLetters.connect();
  }

  async disconnect(): Promise<void> {
    await this.#deadLetters.disconnect();
  }

  /** Resolves once every poison record is on the dead-letter topic; rejects (taking nothing) when that failed. */
  async take(partition: number, messages: readonly KafkaMessage[]): Promise<RecorderItem[]> {
    const poison: Message[] = [];
    const items = messages.map((message): RecorderItem => {
      try {
        return { offset: message.offset, verified: decode(message) };
      } catch (error) {
        poison.push(deadLetterOf(partition, message, error));
        return { offset: message.offset, verified: undefined };
      }
    });
    if (poison.length > 0) {
      await this.#deadLetters.send({
        topic: deadLetterTopicOf(VERIFIED_TOPIC),
        messages: poison,
        acks: ACKS_ALL,
      });
    }
    return items;
  }
}

function decode(message: KafkaMessage): RecorderItem['verified'] {
  const { value } = decodeEvent(VERIFIED_TOPIC, message);
  return {
    ...identify(value.reading),
    verifiedAt: value.verifiedAt,
    trace: readTraceContext(readHeaders(message.headers)),
  };
}

function deadLetterOf(partition: number, message: KafkaMessage, error: unknown): Message {
  return {
    key: message.key,
    value: message.value,
    headers: buildDeadLetterHeaders(message.headers, {
      reason: failureCode(error),
      message: failureMessage(error),
      attempts: 0,
      topic: VERIFIED_TOPIC,
      partition,
      offset: message.offset,
    }),
  };
}
