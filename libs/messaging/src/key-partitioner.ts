import type { ICustomPartitioner, PartitionerArgs } from 'kafkajs';

/** Keys remembered per topic before the memo starts over; a few MiB at most. */
export const DEFAULT_REMEMBERED_KEYS = 100_000;

interface TopicMemo {
  partitions: number;
  byKey: Map<string, number>;
}

/**
 * Wraps a partitioner that places a keyed record by its key and the topic's partition count alone — kafkajs's
 * Java-compatible DefaultPartitioner — and remembers each string key's partition. kafkajs computes murmur2 with
 * 64-bit `Long` objects, which costs more per record than encoding it; topics keyed by meter see the same keys all
 * the time. A change of the partition count starts the memo over; records with an explicit partition, a Buffer key
 * or no key go to the wrapped partitioner every time (unkeyed ones keep its round robin).
 */
export function rememberKeyPartitions(
  inner: ICustomPartitioner,
  maxKeysPerTopic: number = DEFAULT_REMEMBERED_KEYS,
): ICustomPartitioner {
  return () => {
    const partition = inner();
    const topics = new Map<string, TopicMemo>();
    return (args: PartitionerArgs): number => {
      const { key, partition: explicit } = args.message;
      if (typeof key !== 'string' || explicit !== undefined) {
        return partition(args);
      }
      let memo = topics.get(args.topic);
      if (
        memo === undefined ||
        memo.partitions !== args.partitionMetadata.length ||
        memo.byKey.size >= maxKeysPerTopic
      ) {
        memo = { partitions: args.partitionMetadata.length, byKey: new Map() };
        topics.set(args.topic, memo);
      }
      let chosen = memo.byKey.get(key);
      if (chosen === undefined) {
        chosen = partition(args);
        memo.byKey.set(key, chosen);
      }
      return chosen;
    };
  };
}
