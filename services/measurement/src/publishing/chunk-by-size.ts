/**
 * Kafka refuses a produce request whose record batch for one partition exceeds the broker's `message.max.bytes`
 * (1 MiB by default), and a batch of readings of one meter all go to one partition. Sends are split well below it.
 */
export const MAX_SEND_BYTES = 768 * 1024;

/**
 * Consecutive runs of `items` whose sizes add up to at most `maxBytes` each (an item larger than that on its own
 * makes a run of one), in order, so that sending them one after the other keeps the order per partition.
 */
export function chunkBySize<T>(
  items: readonly T[],
  sizeOf: (item: T) => number,
  maxBytes: number = MAX_SEND_BYTES,
): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = sizeOf(item);
    if (current.length > 0 && bytes + size > maxBytes) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) {
    chunks.push(current);
  }
  return chunks;
}
