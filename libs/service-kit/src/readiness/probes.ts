import { isDomainError } from '@metrochain/errors';
import type { LedgerHealth } from '@metrochain/ledger';
import { pingKafka } from '@metrochain/messaging';
import type { Admin } from 'kafkajs';
import type { DependencyHealth } from './readiness';

// A readiness probe must answer well within the orchestrator's probe timeout even when a dependency hangs.
export const DEFAULT_PROBE_TIMEOUT_MS = 3_000;

export interface RedisPing {
  ping(): Promise<string>;
}

export interface LedgerCheck {
  check(): Promise<LedgerHealth>;
}

/** A PING round-trip; up with its latency. */
export async function probeRedis(
  redis: RedisPing,
  timeoutMs = DEFAULT_PROBE_TIMEOUT_MS,
): Promise<DependencyHealth> {
  const started = performance.now();
  try {
    const reply = await withTimeout(redis.ping(), timeoutMs);
    if (reply !== 'PONG') {
      return { status: 'down', detail: `unexpected PING reply ${reply}` };
    }
    return { status: 'up', detail: `PONG in ${Math.round(performance.now() - started)} ms` };
  } catch (error) {
    return { status: 'down', detail: describeFailure(error) };
  }
}

/** The cluster answers a metadata request through the connected admin. */
export async function probeKafka(
  admin: Pick<Admin, 'describeCluster'>,
  timeoutMs = DEFAULT_PROBE_TIMEOUT_MS,
): Promise<DependencyHealth> {
  try {
    const cluster = await pingKafka(admin, { timeoutMs });
    return { status: 'up', detail: `cluster ${cluster.clusterId}, ${cluster.brokers} broker(s)` };
  } catch (error) {
    return { status: 'down', detail: describeFailure(error) };
  }
}

/** The chaincode answers a read through this service's own identity (LedgerHealthIndicator). */
export async function probeLedger(
  ledger: LedgerCheck,
  timeoutMs = DEFAULT_PROBE_TIMEOUT_MS,
): Promise<DependencyHealth> {
  try {
    return await withTimeout(ledger.check(), timeoutMs);
  } catch (error) {
    return { status: 'down', detail: describeFailure(error) };
  }
}

export function describeFailure(error: unknown): string {
  if (isDomainError(error)) {
    return `${error.code}: ${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}

async function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
