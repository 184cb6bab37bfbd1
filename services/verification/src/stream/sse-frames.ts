import type { VerificationRecord } from '@metrochain/contracts';

/**
 * Server-sent-event frames (WHATWG HTML, "Server-sent events"). Record JSON has no raw line breaks and
 * verification ids are single tokens, so each field fits on one line.
 */
export const SseFrames = {
  /** First frame of every stream: how long a client waits before reconnecting. */
  retry: (ms: number): string => `retry: ${ms}\n\n`,
  /** A comment, ignored by clients, that keeps idle connections open through proxies. */
  keepAlive: ': keep-alive\n\n',
  /** The last frame to a client that fell too far behind; it may reconnect and go on from the topic if needed. */
  overflow: 'event: overflow\ndata: {"reason":"client too slow; reconnect"}\n\n',
  verification: (record: Readonly<VerificationRecord>): string =>
    `id: ${record.verificationId}\nevent: verification\ndata: ${JSON.stringify(record)}\n\n`,
} as const;
