import { type TopicName, deadLetterTopicOf } from '@metrochain/contracts';
import type { Admin } from 'kafkajs';

export interface TopicLayout {
  partitions: number;
  replicationFactor: number;
}

/** Every topic to create for `topics`: each topic and its dead-letter topic, in that order, without repeats. */
export function topicsWithDeadLetters(topics: readonly TopicName[]): string[] {
  return [...new Set(topics.flatMap((topic) => [topic, deadLetterTopicOf(topic)]))];
}

/** Those of `wanted` that are not in `existing`, in the order of `wanted`. */
export function missingTopics(wanted: readonly string[], existing: readonly string[]): string[] {
  const present = new Set(existing);
  return wanted.filter((topic) => !present.has(topic));
}

/**
 * Creates each topic and its dead-letter topic unless it exists, and returns the names it created. Safe to run
 * from several services at once: a topic another process created in between counts as existing.
 */
export async function ensureTopics(
  admin: Pick<Admin, 'listTopics' | 'createTopics'>,
  topics: readonly TopicName[],
  layout: Readonly<TopicLayout>,
): Promise<string[]> {
  const missing = missingTopics(topicsWithDeadLetters(topics), await admin.listTopics());
  if (missing.length === 0) {
    return [];
  }
  await admin.createTopics({
    waitForLeaders: true,
    topics: missing.map((topic) => ({
      topic,
      numPartitions: layout.partitions,
      replicationFactor: layout.replicationFactor,
    })),
  });
  return missing;
}
