import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
import type { NetworkProfile } from '@metrochain/config';
import { type Topology, statePaths } from '@metrochain/devnet';
import { createKafkaClient } from '@metrochain/messaging';
import type { NetworkProcesses } from './network-processes';
import type { FaultsReport } from './report';
import { type SoakSample, judgeSoak, takeSample } from './soak';

const run = promisify(execFile);
const SAMPLE_EVERY_MS = 5_000;
const STATUS_KEYS = 'measurement:status:*';

/** The TTL (s) of up to `count` reading-status keys: each must have one, or Redis grows with every reading. */
async function statusKeyTtls(port: number, count: number): Promise<number[]> {
  // One SCAN step (not --scan, which walks every key): a sample of the status keys is enough.
  const { stdout } = await run('redis-cli', [
    '-p',
    String(port),
    'scan',
    '0',
    'match',
    STATUS_KEYS,
    'count',
    '5000',
  ]);
  const keys = stdout
    .split('\n')
    .filter(Boolean)
    .slice(1, count + 1);
  const ttls: number[] = [];
  for (const key of keys) {
    ttls.push(Number((await run('redis-cli', ['-p', String(port), 'ttl', key])).stdout.trim()));
  }
  return ttls;
}

/**
 * The soak: the steady load keeps running while every process's RSS and open files, the consumer groups' lag and
 * Redis's memory are sampled; judged by `judgeSoak`. Redis grows by design (a status per reading, kept for its TTL),
 * so it is judged by every sampled status key carrying a TTL, and its growth rate is reported.
 */
export async function runSoak(
  processes: NetworkProcesses,
  profile: NetworkProfile,
  seconds: number,
): Promise<NonNullable<FaultsReport['soak']>> {
  const topology = JSON.parse(readFileSync(statePaths().topologyFile, 'utf8')) as Topology;
  const admin = createKafkaClient({ clientId: 'faults-soak', brokers: profile.kafka.brokers }).admin();
  await admin.connect();
  const samples: SoakSample[] = [];
  console.log(
    `soak: ${String(seconds)} s of steady load, sampling every ${String(SAMPLE_EVERY_MS / 1000)} s`,
  );
  try {
    const until = Date.now() + seconds * 1000;
    while (Date.now() < until) {
      samples.push(await takeSample(processes, admin, topology.redis.port));
      const last = samples.at(-1);
      process.stdout.write(
        `\r  ${String(samples.length)} samples, lag ${String(last?.kafkaLag)}, redis ${last?.redisUsedMb.toFixed(1) ?? '-'} MB   `,
      );
      await delay(SAMPLE_EVERY_MS);
    }
  } finally {
    process.stdout.write('\n');
    await admin.disconnect();
  }
  const ttls = await statusKeyTtls(topology.redis.port, 50);
  const verdicts = judgeSoak(samples);
  verdicts.push({
    series: 'Redis status keys carry a TTL',
    first: ttls.length,
    last: ttls.filter((ttl) => ttl > 0).length,
    peak: Math.max(0, ...ttls),
    bounded: ttls.every((ttl) => ttl > 0),
    rule: 'every sampled measurement:status:* key has a TTL',
  });
  const perMinute = Math.max(1, Math.round(60_000 / SAMPLE_EVERY_MS));
  return {
    seconds,
    samples: samples.length,
    verdicts,
    redis: redisGrowth(samples, ttls),
    timeline: samples.filter((_, index) => index % perMinute === 0 || index === samples.length - 1),
  };
}

function redisGrowth(samples: readonly SoakSample[], ttls: readonly number[]): Record<string, unknown> {
  const first = samples[0];
  const last = samples.at(-1);
  if (first === undefined || last === undefined || last.at <= first.at) {
    return { sampledTtlsS: ttls.slice(0, 5) };
  }
  const hours = (last.at - first.at) / 3_600_000;
  return {
    usedMbFirst: first.redisUsedMb,
    usedMbLast: last.redisUsedMb,
    mbPerHour: (last.redisUsedMb - first.redisUsedMb) / hours,
    keysFirst: first.redisKeys,
    keysLast: last.redisKeys,
    sampledTtlsS: ttls.slice(0, 5),
  };
}
