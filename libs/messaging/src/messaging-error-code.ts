/** Codes of the failures `@metrochain/messaging` reports itself; schema failures use the contracts' own code. */
export const MessagingErrorCode = {
  /** A consumed record whose value is missing or not JSON. */
  EVENT_JSON_INVALID: 'EVENT_JSON_INVALID',
  /** A handler failed with something other than a `DomainError`, so it carries no code of its own. */
  HANDLER_FAILED: 'HANDLER_FAILED',
  KAFKA_UNAVAILABLE: 'KAFKA_UNAVAILABLE',
} as const;
export type MessagingErrorCode = (typeof MessagingErrorCode)[keyof typeof MessagingErrorCode];
