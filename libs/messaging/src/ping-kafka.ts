import { DomainError } from '@metrochain/errors';
import type { Admin } from 'kafkajs';
import { MessagingErrorCode } from './messaging-error-code';

export interface KafkaHealth {
  clusterId: string;
  brokers: number;
  controller: number | null;
}

export const DEFAULT_KAFKA_PING_TIMEOUT_MS = 5_000;

/**
 * Readiness probe: asks the cluster to describe itself within `timeoutMs`. The admin must be connected.
 * Throws a retriable `KAFKA_UNAVAILABLE` on failure or timeout.
 */
export async function pingKafka(
  admin: Pick<Admin, 'describeCluster'>,
  options: Readonly<{ timeoutMs?: number }> = {},
): Promise<KafkaHealth> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_KAFKA_PING_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    const cluster = await Promise.race([admin.describeCluster(), timeout]);
    return { clusterId: cluster.clusterId, brokers: cluster.brokers.length, controller: cluster.controller };
  } catch (error) {
    throw new DomainError<MessagingErrorCode>({
      code: MessagingErrorCode.KAFKA_UNAVAILABLE,
      message: `Kafka is unavailable: ${error instanceof Error ? error.message : String(error)}`,
      retriable: true,
      details: { timeoutMs },
      cause: error,
    });
  } finally {
    clearTimeout(timer);
  }
}
