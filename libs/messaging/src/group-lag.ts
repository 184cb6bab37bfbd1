import type { Admin } from 'kafkajs';

/** The parts of a kafkajs admin that the lag helpers use. */
export type GroupLagAdminPort = Pick<Admin, 'fetchTopicOffsets' | 'fetchOffsets'>;

/** A consumer group on one topic. */
export interface GroupStage {
  groupId: string;
  topic: string;
}

/** A group's progress on a topic, summed over the partitions. */
export interface GroupLag extends GroupStage {
  /** Records between the group's committed offsets and the high watermarks: written, not yet done by the group. */
  lag: number;
  /** The sum of the committed offsets: grows by one for every record the group is done with. */
  committed: number;
}

/** The lag of a series of stages, e.g. the reading pipeline: what has entered it and not yet left. */
export interface PipelineLag {
  lag: number;
  stages: GroupLag[];
}

/**
 * A group's lag from the broker's view (committed offsets vs high watermarks), not from what a consumer last
 * fetched: it holds across crashes and is the same for every reader. A partition the group never committed counts
 * from its low watermark, as a group starting from the beginning would read it.
 */
export async function groupLag(admin: GroupLagAdminPort, stage: Readonly<GroupStage>): Promise<GroupLag> {
  const [ends, commits] = await Promise.all([
    admin.fetchTopicOffsets(stage.topic),
    admin.fetchOffsets({ groupId: stage.groupId, topics: [stage.topic] }),
  ]);
  const committedOf = new Map<number, bigint>();
  for (const partition of commits.find((entry) => entry.topic === stage.topic)?.partitions ?? []) {
    const offset = BigInt(partition.offset);
    if (offset >= 0n) {
      committedOf.set(partition.partition, offset);
    }
  }
  let lag = 0n;
  let committed = 0n;
  for (const end of ends) {
    const high = BigInt(end.high);
    const done = committedOf.get(end.partition) ?? BigInt(end.low);
    lag += high > done ? high - done : 0n;
    committed += done;
  }
  return { ...stage, lag: Number(lag), committed: Number(committed) };
}

/** The lags of the stages, read at once, and their sum. */
export async function pipelineLag(
  admin: GroupLagAdminPort,
  stages: readonly Readonly<GroupStage>[],
): Promise<PipelineLag> {
  const lags = await Promise.all(stages.map((stage) => groupLag(admin, stage)));
  return { lag: lags.reduce((sum, stage) => sum + stage.lag, 0), stages: lags };
}
