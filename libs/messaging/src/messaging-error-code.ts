/** Codes of the failures `@metrochain/messaging` reports itself; schema failures use the contracts' own code. */
export const MessagingErrorCode = {
  /** A consumed record whose value is missing or not JSON. */
  EVENT_JSON_INVALID: 'EVENT_JSON_INVALID',
  /** A handler failed with something other than a `DomainError`, so it carries no code of its own. */
  HANDLER_FAILED: 'HANDLER_FAILED',
  KAFKA_UNAVAILABLE: 'KAFKA_UNAVAILABLE',
  /** A send resolved without an answer for some partition it chose: those records are not confirmed. */
  KAFKA_SEND_INCOMPLETE: 'KAFKA_SEND_INCOMPLETE',
  /** The last records of a topic did not arrive in time (TopicTailReader). */
  TOPIC_TAIL_TIMEOUT: 'TOPIC_TAIL_TIMEOUT',
} as const;
export type MessagingErrorCode = (typeof MessagingErrorCode)[keyof typeof MessagingErrorCode];
