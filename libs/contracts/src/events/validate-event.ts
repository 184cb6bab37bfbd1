import { DomainError } from '@metrochain/errors';
import type { z } from 'zod';
import { EVENT_CATALOGUE, type EventKey, type EventValue, type TopicName, isTopicName } from './topics';

/** Codes of the failures the event contracts report; bad data never heals by retrying, so none is retriable. */
export const EventErrorCode = {
  EVENT_SCHEMA_INVALID: 'EVENT_SCHEMA_INVALID',
  EVENT_TOPIC_UNKNOWN: 'EVENT_TOPIC_UNKNOWN',
} as const;
export type EventErrorCode = (typeof EventErrorCode)[keyof typeof EventErrorCode];

export type EventPart = 'key' | 'value';

/** Checks an event payload against its topic's schema and returns it typed, or throws `EVENT_SCHEMA_INVALID`. */
export function validateEvent<T extends TopicName>(topic: T, value: unknown): EventValue<T> {
  return parsePart(topic, 'value', value) as EventValue<T>;
}

/** Checks a record key against its topic's key schema, or throws `EVENT_SCHEMA_INVALID`. */
export function validateEventKey<T extends TopicName>(topic: T, key: unknown): EventKey<T> {
  return parsePart(topic, 'key', key) as EventKey<T>;
}

function parsePart(topic: TopicName, part: EventPart, input: unknown): unknown {
  // Topic names also arrive from configuration at run time, where the type system cannot vouch for them.
  if (!isTopicName(topic)) {
    throw new DomainError<EventErrorCode>({
      code: EventErrorCode.EVENT_TOPIC_UNKNOWN,
      message: `no event contract for topic ${String(topic)}`,
      details: { topic },
    });
  }
  const schema: z.ZodType<unknown> = EVENT_CATALOGUE[topic][part];
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new DomainError<EventErrorCode>({
      code: EventErrorCode.EVENT_SCHEMA_INVALID,
      message: `${topic} ${part} does not match its schema: ${summarise(result.error.issues)}`,
      details: { topic, part, issues: result.error.issues },
    });
  }
  return result.data;
}

function summarise(issues: readonly z.ZodIssue[]): string {
  const shown = issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length === 0 ? '(root)' : issue.path.join('.')}: ${issue.message}`);
  return issues.length > shown.length ? `${shown.join('; ')}; …` : shown.join('; ');
}
