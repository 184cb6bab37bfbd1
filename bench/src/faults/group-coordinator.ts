import { PIPELINE_GROUPS } from '@metrochain/contracts';
import { createKafkaClient } from '@metrochain/messaging';

const OFFSETS_TOPIC = '__consumer_offsets';

/** Java's `String.hashCode` of `text` (UTF-16 code units, 32-bit wrap), as Kafka hashes a group id. */
export function javaStringHash(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i += 1) {
    hash = (Math.imul(31, hash) + text.charCodeAt(i)) | 0;
  }
  return hash;
}

/** The partition of __consumer_offsets that holds `groupId`'s offsets: Kafka's `Utils.abs(hash) % partitions`. */
export function offsetsPartitionOf(groupId: string, partitions: number): number {
  return (javaStringHash(groupId) & 0x7fffffff) % partitions;
}

/**
 * The broker process coordinating the recorder group (the leader of its __consumer_offsets partition): killing it
 * moves the coordinator, which is how the fault runner found the recorder's offset commits failing after a broker
 * kill. Undefined when the metadata cannot be read.
 */
export async function recorderGroupCoordinator(brokers: readonly string[]): Promise<string | undefined> {
  const admin = createKafkaClient({ clientId: 'bench-faults-coordinator', brokers: [...brokers] }).admin();
  try {
    await admin.connect();
    const { topics } = await admin.fetchTopicMetadata({ topics: [OFFSETS_TOPIC] });
    const partitions = topics[0]?.partitions ?? [];
    if (partitions.length === 0) {
      return undefined;
    }
    const wanted = offsetsPartitionOf(PIPELINE_GROUPS.recorder.groupId, partitions.length);
    const leader = partitions.find((p) => p.partitionId === wanted)?.leader;
    return leader === undefined || leader < 0 ? undefined : `kafka-${String(leader)}`;
  } catch {
    return undefined;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
