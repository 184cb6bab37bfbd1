import { verificationIdSchema } from '@metrochain/contracts';

/** `<batchId>.<index>`; batch ids never hold a dot, so the last dot separates. */
export function formatVerificationId(batchId: string, index: number): string {
  return `${batchId}.${String(index)}`;
}

/** The batch and index of a well-formed id, else undefined. */
export function parseVerificationId(id: string): { batchId: string; index: number } | undefined {
  if (!verificationIdSchema.safeParse(id).success) {
    return undefined;
  }
  const dot = id.lastIndexOf('.');
  return { batchId: id.slice(0, dot), index: Number(id.slice(dot + 1)) };
}

/** Unique per instance and start: instance id, start time and a counter, all within the batch id alphabet. */
export function batchIdFactory(instanceId: string, startedAt: number = Date.now()): () => string {
  let counter = 0;
  const prefix = `vb-${instanceId}-${startedAt.toString(36)}`;
  return () => {
    counter += 1;
    return `${prefix}-${counter.toString(36)}`;
  };
}
