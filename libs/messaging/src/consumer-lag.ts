/** One partition's lag as its consumer last saw it. */
export interface PartitionLag {
  groupId: string;
  topic: string;
  partition: number;
  /** Records between the end of the last fetched batch and the partition's high watermark. */
  lag: number;
}

const lags = new Map<string, PartitionLag>();

/**
 * Records the lag of a fetched batch: the high watermark minus the batch's last offset, minus one (kafkajs'
 * `offsetLag`). Process-wide, so that the metrics endpoint can read what every consumer of the process saw.
 */
export function recordConsumerLag(entry: Readonly<PartitionLag>): void {
  const lag = Number.isFinite(entry.lag) && entry.lag > 0 ? entry.lag : 0;
  lags.set(`${entry.groupId}\u0000${entry.topic}\u0000${String(entry.partition)}`, { ...entry, lag });
}

/** The last lag of every partition any consumer of this process fetched from. */
export function consumerLags(): PartitionLag[] {
  return [...lags.values()];
}

/** Test helper: forgets every recorded lag. */
export function clearConsumerLags(): void {
  lags.clear();
}

/** kafkajs' `offsetLag` of a fetched batch: records after its last one up to the high watermark. */
export function batchLag(
  batch: Readonly<{ highWatermark: string; messages: readonly Readonly<{ offset: string }>[] }>,
): number {
  const last = batch.messages.at(-1);
  if (last === undefined) {
    return 0;
  }
  try {
    return Number(BigInt(batch.highWatermark) - BigInt(last.offset) - 1n);
  } catch {
    return 0;
  }
}
