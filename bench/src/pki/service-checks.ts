import { verifyBatchResponseSchema, verifyResponseSchema } from '@metrochain/contracts';
import { cpuSecondsOf } from '../support/cpu';
import { runFor } from '../support/load';

type Check = { meterId: string; data: string; signature: string };

export interface ServiceResult {
  verifications: number;
  seconds: number;
  perSecond: number;
  serviceCpuSeconds: number;
  perCpuSecond: number;
}

async function postJson(url: string, body: string): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  if (response.status !== 200) {
    throw new Error(`${url} answered ${String(response.status)}: ${await response.text()}`);
  }
  return response.json();
}

/**
 * Verifications through the running service's HTTP API with `batchSize` checks per request; the service's own CPU
 * time (from /proc) turns the rate into verifications per CPU-second, i.e. per core, whatever else runs on the host.
 */
export async function measureService(
  baseUrl: string,
  servicePid: number,
  checks: readonly Check[],
  options: Readonly<{ durationMs: number; concurrency: number; batchSize: number }>,
): Promise<ServiceResult> {
  const bodies: string[] = [];
  for (let start = 0; start + options.batchSize <= checks.length; start += options.batchSize) {
    bodies.push(JSON.stringify({ checks: checks.slice(start, start + options.batchSize) }));
  }
  const single = options.batchSize === 1;
  const url = `${baseUrl}/verifications${single ? '' : '/batch'}`;
  const payloads = single ? checks.map((check) => JSON.stringify(check)) : bodies;
  const cpuBefore = cpuSecondsOf(servicePid);
  const run = await runFor(options.durationMs, options.concurrency, async (worker, iteration) => {
    const body = payloads[(worker * 31 + iteration) % payloads.length] ?? '';
    const answer = await postJson(url, body);
    const valid = single
      ? verifyResponseSchema.parse(answer).valid
      : verifyBatchResponseSchema.parse(answer).results.every((result) => result.valid);
    if (!valid) {
      throw new Error('the service rejected a valid signature');
    }
  });
  const serviceCpuSeconds = cpuSecondsOf(servicePid) - cpuBefore;
  const verifications = run.completed * options.batchSize;
  return {
    verifications,
    seconds: run.seconds,
    perSecond: verifications / run.seconds,
    serviceCpuSeconds,
    perCpuSecond: verifications / serviceCpuSeconds,
  };
}
