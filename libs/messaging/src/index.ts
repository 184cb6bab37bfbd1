export {
  type BroadcastConsumerFactory,
  type BroadcastConsumerPort,
  type BroadcastFeedOptions,
  type BroadcastListener,
  BroadcastFeed,
  broadcastGroupId,
} from './broadcast-feed';
export {
  type DecodedEvent,
  type RawRecord,
  type TrustedEvent,
  decodeEvent,
  encodeEvent,
  encodeTrustedEvent,
} from './event-codec';
export {
  type ConsumerFactory,
  type ConsumerPort,
  type EventConsumerOptions,
  EventConsumer,
} from './event-consumer';
export {
  type DeadLetterCause,
  DeadLetterHeader,
  type PublishMetadata,
  TRACEPARENT_HEADER,
  TRACESTATE_HEADER,
  type TraceContext,
  buildDeadLetterHeaders,
  buildEventHeaders,
  readHeaders,
  readTraceContext,
} from './event-headers';
export { ConfirmedProducer } from './confirmed-producer';
export { type EventEntry, type EventProducerOptions, EventProducer } from './event-producer';
export { type TopicLayout, ensureTopics, missingTopics, topicsWithDeadLetters } from './ensure-topics';
export {
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_RETRY_BACKOFF,
  type FailureDecision,
  type RetryBackoff,
  decideFailure,
  failureCode,
  failureMessage,
  retryDelayMs,
} from './failure-policy';
export {
  DEFAULT_KAFKA_CONNECTION_TIMEOUT_MS,
  DEFAULT_KAFKA_REQUEST_TIMEOUT_MS,
  type KafkaClient,
  type KafkaClientOptions,
  createKafkaClient,
} from './kafka-client';
export type { KafkaMessage, Message, ProducerRecord, RecordMetadata } from './kafka-records';
export {
  type ManualCommitConsumerFactory,
  type ManualCommitConsumerOptions,
  type ManualCommitConsumerPort,
  type PartitionFetch,
  type PartitionFetchHandler,
  ManualCommitConsumer,
} from './manual-commit-consumer';
export { MessagingErrorCode } from './messaging-error-code';
export { DEFAULT_KAFKA_PING_TIMEOUT_MS, type KafkaHealth, pingKafka } from './ping-kafka';
export {
  type ConsumedEvent,
  type DeadLetterRecord,
  type EventHandler,
  type ProcessMessageInput,
  type ProcessOutcome,
  processMessage,
} from './process-message';
// Producers are ConfirmedProducers (or EventProducers, which use one); the kafkajs config stays inside.
export { ACKS_ALL, type ProducerFactory, type ProducerPort } from './producer-config';
export { PIPELINE_FETCH_CONFIG } from './consumer-config';
export { type BatchHandler, type ProcessBatchInput, processBatch } from './process-batch';
export type { TailRecord } from './tail-collector';
export {
  DEFAULT_TAIL_READ_TIMEOUT_MS,
  type TopicTailAdminPort,
  type TopicTailConsumerPort,
  type TopicTailKafka,
  type TopicTailReaderOptions,
  TopicTailReader,
} from './topic-tail-reader';
export {
  type PartitionLag,
  batchLag,
  clearConsumerLags,
  consumerLags,
  recordConsumerLag,
} from './consumer-lag';
export { inConsumerSpans } from './consumer-spans';
export {
  ConsumerWatchdog,
  type ConsumerWatchdogOptions,
  DEFAULT_CONSUMER_STALL_MS,
  type WatchableConsumer,
} from './consumer-watchdog';
export {
  type GroupLag,
  type GroupLagAdminPort,
  type GroupStage,
  type PipelineLag,
  groupLag,
  pipelineLag,
} from './group-lag';
