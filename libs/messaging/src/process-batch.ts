import type { TopicName } from '@metrochain/contracts';
import type { KafkaMessage } from 'kafkajs';
import { inConsumerSpans } from './consumer-spans';
import { decodeEvent } from './event-codec';
import { readHeaders, readTraceContext } from './event-headers';
import { decideFailure } from './failure-policy';
import {
  type ConsumedEvent,
  type ProcessMessageInput,
  type ProcessOutcome,
  processMessage,
} from './process-message';

export type BatchHandler<T extends TopicName> = (
  events: readonly Readonly<ConsumedEvent<T>>[],
) => Promise<void>;

export interface ProcessBatchInput<T extends TopicName> extends Omit<
  ProcessMessageInput<T>,
  'message' | 'handler'
> {
  /** Consecutive records of one partition, in offset order. */
  messages: readonly KafkaMessage[];
  handler: BatchHandler<T>;
}

/**
 * Handles consecutive records of one partition with one handler call: records that break the contract go to the
 * dead-letter topic on their own, the valid ones are handed over together and retried together while the failure
 * is retriable. When the batch cannot be handled, it is handled record by record (as `processMessage` does), so
 * that only the record that fails is dead-lettered. Resolves when every record is handled or dead-lettered.
 */
export async function processBatch<T extends TopicName>(
  input: Readonly<ProcessBatchInput<T>>,
): Promise<ProcessOutcome[]> {
  const decoded = input.messages.map((message) => decodeOrUndefined(input, message));
  const events = decoded.filter((event): event is ConsumedEvent<T> => event !== undefined);
  if (events.length === decoded.length && (await handleTogether(input, events))) {
    return events.map(() => ({ status: 'handled', attempts: 1 }));
  }
  // One by one: records that break the contract are dead-lettered there, and a handler failure is isolated.
  const outcomes: ProcessOutcome[] = [];
  for (const message of input.messages) {
    outcomes.push(await processMessage({ ...input, message, handler: (event) => input.handler([event]) }));
  }
  return outcomes;
}

async function handleTogether<T extends TopicName>(
  input: Readonly<ProcessBatchInput<T>>,
  events: ConsumedEvent<T>[],
): Promise<boolean> {
  if (events.length === 0) {
    return true;
  }
  for (let attempt = 1; ; attempt += 1) {
    try {
      await inConsumerSpans(
        events.map((event) => ({ ...event, attempt })),
        (traced) => input.handler(traced),
      );
      return true;
    } catch (error) {
      if (decideFailure(error, attempt, input.maxAttempts) === 'dead-letter') {
        return false;
      }
      await input.sleep(input.retryDelayMs(attempt));
      await input.heartbeat();
    }
  }
}

function decodeOrUndefined<T extends TopicName>(
  input: Readonly<ProcessBatchInput<T>>,
  message: KafkaMessage,
): ConsumedEvent<T> | undefined {
  try {
    const headers = readHeaders(message.headers);
    return {
      ...decodeEvent(input.topic, message),
      topic: input.topic,
      partition: input.partition,
      offset: message.offset,
      timestamp: message.timestamp,
      headers,
      trace: readTraceContext(headers),
      attempt: 1,
    };
  } catch {
    return undefined;
  }
}
