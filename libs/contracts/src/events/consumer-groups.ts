import type { TopicName } from './topics';

/**
 * The consumer groups of the reading pipeline, shared by every instance of their service. Spelled out here because
 * others read their progress: admission control in the measurement service takes the groups' lag as the readings
 * accepted and not yet recorded or rejected.
 */
export const PIPELINE_GROUPS = {
  /** verification: readings.received.v1 → readings.verified.v1 or readings.rejected.v1. */
  verification: { groupId: 'verification', topic: 'readings.received.v1' },
  /** measurement's recorder: readings.verified.v1 → the ledger → measurements.recorded.v1. */
  recorder: { groupId: 'measurement-recorder', topic: 'readings.verified.v1' },
} as const satisfies Record<string, { groupId: string; topic: TopicName }>;
