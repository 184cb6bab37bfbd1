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

/** An event whose value the publisher assembled itself from parts it had already validated. */
export interface TrustedEvent<T extends TopicName> {
  key: EventKey<T>;
  value: EventValue<T>;
  /** The value's JSON text when the publisher has it already (e.g. its canonical form); must encode `value`. */
  json?: string;
  metadata?: Readonly<PublishMetadata>;
}

/**
 * `encodeEvent` without checking the value against its contract again, for hot paths that send thousands of events
 * a second which they built themselves from validated parts: the caller vouches for the value (say why where it is
 * called, and keep a spec that checks what it builds against the contract). Anything read from outside — requests,
 * consumed records, storage — goes through `encodeEvent`. The key is still checked, which costs one regex.
 */
export function encodeTrustedEvent<T extends TopicName>(topic: T, event: Readonly<TrustedEvent<T>>): Message {
  return {
    key: validateEventKey(topic, event.key),
    value: event.json ?? JSON.stringify(event.value),
    headers: buildEventHeaders(event.metadata),
  };
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
