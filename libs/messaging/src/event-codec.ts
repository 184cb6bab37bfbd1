import {
  type EventKey,
  type EventValue,
  type TopicName,
  validateEvent,
  validateEventKey,
} from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import type { Message } from 'kafkajs';
import { type PublishMetadata, buildEventHeaders } from './event-headers';
import { MessagingErrorCode } from './messaging-error-code';

/** Key and value of a record as Kafka hands them over. */
export interface RawRecord {
  key: Buffer | null;
  value: Buffer | null;
}

export interface DecodedEvent<T extends TopicName> {
  key: EventKey<T>;
  value: EventValue<T>;
}

/**
 * Validates an event against its topic's contract and turns it into a Kafka message (JSON value, UTF-8 key).
 * Throws `EVENT_SCHEMA_INVALID` for a bad key or value, so that nothing malformed ever reaches a topic.
 */
export function encodeEvent<T extends TopicName>(
  topic: T,
  key: EventKey<T>,
  value: EventValue<T>,
  metadata?: Readonly<PublishMetadata>,
): Message {
  const validKey = validateEventKey(topic, key);
  // The parsed value is what gets sent: fields the contract does not know are dropped here, not downstream.
  const validValue = validateEvent(topic, value);
  return { key: validKey, value: JSON.stringify(validValue), headers: buildEventHeaders(metadata) };
}

/**
 * Reads a consumed record back into a typed event. Throws `EVENT_JSON_INVALID` when the value is missing or not
 * JSON and `EVENT_SCHEMA_INVALID` when key or value break the contract; neither heals by retrying.
 */
export function decodeEvent<T extends TopicName>(topic: T, record: Readonly<RawRecord>): DecodedEvent<T> {
  const key = validateEventKey(topic, record.key?.toString('utf8') ?? null);
  const value = validateEvent(topic, parseJson(topic, record.value));
  return { key, value };
}

function parseJson(topic: TopicName, value: Buffer | null): unknown {
  if (value === null) {
    throw new DomainError<MessagingErrorCode>({
      code: MessagingErrorCode.EVENT_JSON_INVALID,
      message: `${topic} record has no value`,
      details: { topic },
    });
  }
  try {
    return JSON.parse(value.toString('utf8'));
  } catch (error) {
    throw new DomainError<MessagingErrorCode>({
      code: MessagingErrorCode.EVENT_JSON_INVALID,
      message: `${topic} record value is not JSON`,
      details: { topic },
      cause: error,
    });
  }
}
