import { type DeadLetterTopicName, type TopicName, deadLetterTopicOf } from '@metrochain/contracts';
import type { IHeaders, KafkaMessage } from 'kafkajs';
import { type DecodedEvent, decodeEvent } from './event-codec';
import { type TraceContext, buildDeadLetterHeaders, readHeaders, readTraceContext } from './event-headers';
import { inConsumerSpans } from './consumer-spans';
import { decideFailure, failureCode, failureMessage } from './failure-policy';

/** A consumed, validated event as a handler sees it. */
export interface ConsumedEvent<T extends TopicName> extends DecodedEvent<T> {
  topic: T;
  partition: number;
  offset: string;
  /** Producer or log-append time, milliseconds since the epoch, as Kafka reports it. */
  timestamp: string;
  headers: Readonly<Record<string, string>>;
  trace: TraceContext | undefined;
  /** 1 on first delivery to the handler, higher on in-process retries. */
  attempt: number;
}

export type EventHandler<T extends TopicName> = (event: Readonly<ConsumedEvent<T>>) => Promise<void>;

/** A record on its way to a dead-letter topic: the original bytes untouched, the cause in headers. */
export interface DeadLetterRecord {
  topic: DeadLetterTopicName;
  key: Buffer | null;
  value: Buffer | null;
  headers: IHeaders;
  reason: string;
  error: unknown;
}

export type ProcessOutcome =
  | Readonly<{ status: 'handled'; attempts: number }>
  | Readonly<{ status: 'dead-lettered'; attempts: number; reason: string }>;

export interface ProcessMessageInput<T extends TopicName> {
  topic: T;
  partition: number;
  message: KafkaMessage;
  handler: EventHandler<T>;
  maxAttempts: number;
  retryDelayMs: (attempt: number) => number;
  sleep: (ms: number) => Promise<void>;
  /** Keeps the group membership alive across back-off waits. */
  heartbeat: () => Promise<void>;
  /** Must reject when the record could not be written; the offset then stays uncommitted. */
  deadLetter: (record: Readonly<DeadLetterRecord>) => Promise<void>;
}

/**
 * Handles one record: decode and validate, run the handler with retries for retriable errors, and dead-letter
 * whatever cannot be handled. Resolves only once the record is handled or dead-lettered, i.e. when its offset may
 * be committed; rejects (leaving the offset uncommitted) only when dead-lettering itself failed.
 */
export async function processMessage<T extends TopicName>(
  input: Readonly<ProcessMessageInput<T>>,
): Promise<ProcessOutcome> {
  let decoded: DecodedEvent<T>;
  try {
    decoded = decodeEvent(input.topic, input.message);
  } catch (error) {
    return sendToDeadLetter(input, error, 0);
  }
  const headers = readHeaders(input.message.headers);
  const trace = readTraceContext(headers);
  const { topic, partition } = input;
  const { offset, timestamp } = input.message;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const event = { ...decoded, topic, partition, offset, timestamp, headers, trace, attempt };
      await inConsumerSpans([event], ([traced]) => input.handler(traced ?? event));
      return { status: 'handled', attempts: attempt };
    } catch (error) {
      if (decideFailure(error, attempt, input.maxAttempts) === 'dead-letter') {
        return sendToDeadLetter(input, error, attempt);
      }
      await input.sleep(input.retryDelayMs(attempt));
      await input.heartbeat();
    }
  }
}

async function sendToDeadLetter<T extends TopicName>(
  input: Readonly<ProcessMessageInput<T>>,
  error: unknown,
  attempts: number,
): Promise<ProcessOutcome> {
  const reason = failureCode(error);
  const headers = buildDeadLetterHeaders(input.message.headers, {
    reason,
    message: failureMessage(error),
    attempts,
    topic: input.topic,
    partition: input.partition,
    offset: input.message.offset,
  });
  await input.deadLetter({
    topic: deadLetterTopicOf(input.topic),
    key: input.message.key,
    value: input.message.value,
    headers,
    reason,
    error,
  });
  return { status: 'dead-lettered', attempts, reason };
}
