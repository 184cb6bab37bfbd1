import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Admin } from 'kafkajs';
import type { NetworkProcesses } from './network-processes';

const run = promisify(execFile);

/** The Redis process's name in NetworkProcesses. */
const REDIS_PROCESS = 'redis';

/** One sample of everything the soak watches; per process by name. */
export interface SoakSample {
  at: number;
  rssMb: Record<string, number>;
  openFiles: Record<string, number>;
  kafkaLag: number;
  redisUsedMb: number;
  redisKeys: number;
}

/** A watched series and whether it stayed bounded. */
export interface SeriesVerdict {
  series: string;
  first: number;
  last: number;
  peak: number;
  bounded: boolean;
  rule: string;
}

function procNumber(pid: number, field: string): number {
  try {
    const status = readFileSync(`/proc/${String(pid)}/status`, 'utf8');
    return Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? Number.NaN);
  } catch {
    return Number.NaN;
  }
}

function openFiles(pid: number): number {
  try {
    return readdirSync(`/proc/${String(pid)}/fd`).length;
  } catch {
    return Number.NaN;
  }
}

/**
 * The lag of every consumer group with live members, summed over its topics' partitions (high watermark minus
 * committed offset). Groups without members are left out: a killed instance's own group (e.g. a per-instance cache
 * group) keeps its last offsets for ever and would look like a growing backlog.
 */
async function totalLag(admin: Admin): Promise<number> {
  let lag = 0;
  const { groups: listed } = await admin.listGroups();
  const { groups } = await admin.describeGroups(listed.map((g) => g.groupId));
  for (const { groupId } of groups.filter((g) => g.state === 'Stable' && g.members.length > 0)) {
    for (const { topic, partitions } of await admin.fetchOffsets({ groupId })) {
      const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, Number(p.high)]));
      for (const { partition, offset } of partitions) {
        if (Number(offset) >= 0) {
          lag += Math.max(0, (ends.get(partition) ?? 0) - Number(offset));
        }
      }
    }
  }
  return lag;
}

async function redisInfo(port: number): Promise<{ usedMb: number; keys: number }> {
  const { stdout } = await run('redis-cli', ['-p', String(port), 'info', 'memory']);
  const used = Number(/^used_memory:(\d+)/m.exec(stdout)?.[1] ?? Number.NaN);
  const { stdout: size } = await run('redis-cli', ['-p', String(port), 'dbsize']);
  return { usedMb: used / 2 ** 20, keys: Number(size.trim()) };
}

export async function takeSample(
  processes: NetworkProcesses,
  admin: Admin,
  redisPort: number,
): Promise<SoakSample> {
  const rssMb: Record<string, number> = {};
  const files: Record<string, number> = {};
  for (const { name, pid } of processes.list()) {
    rssMb[name] = procNumber(pid, 'VmRSS') / 1024;
    files[name] = openFiles(pid);
  }
  const redis = await redisInfo(redisPort);
  return {
    at: Date.now(),
    rssMb,
    openFiles: files,
    // A coordinator still loading after a fault answers with a retriable error: that sample has no lag.
    kafkaLag: await totalLag(admin).catch(() => Number.NaN),
    redisUsedMb: redis.usedMb,
    redisKeys: redis.keys,
  };
}

/**
 * Bounded means: the last third of the run peaks no higher than the first third's peak times `factor` plus
 * `slack`. Warm-up (JIT, caches filling to their caps) fits within that; a leak that keeps growing at a steady load
 * does not, given a soak long enough (the full run's hour; the test command's minute catches only fast leaks).
 */
export function judgeSeries(
  series: string,
  values: readonly number[],
  factor: number,
  slack: number,
): SeriesVerdict {
  const finite = values.filter(Number.isFinite);
  const third = Math.max(1, Math.floor(finite.length / 3));
  const early = Math.max(...finite.slice(0, third));
  const late = Math.max(...finite.slice(-third));
  return {
    series,
    first: finite[0] ?? Number.NaN,
    last: finite.at(-1) ?? Number.NaN,
    peak: Math.max(...finite),
    bounded: finite.length < 3 || late <= early * factor + slack,
    rule: `late peak ≤ ${String(factor)} × early peak + ${String(slack)}`,
  };
}

/**
 * Redis's memory per key added since the first sample (bytes): steady while Redis only holds more statuses, growing if
 * each key grows (fields added without end) or memory goes elsewhere. NaN until a thousand keys were added.
 */
export function redisBytesPerKeyAdded(samples: readonly SoakSample[]): number[] {
  const first = samples[0];
  return samples.map((sample) => {
    const added = sample.redisKeys - (first?.redisKeys ?? 0);
    return first === undefined || added < 1000
      ? Number.NaN
      : Math.round(((sample.redisUsedMb - first.redisUsedMb) * 2 ** 20) / added);
  });
}

/**
 * The verdicts of a soak: RSS and open files per process, Kafka lag. Redis holds a status per reading for its TTL
 * (7 days), so its RSS grows with every reading throughout an hour by design and is not judged like the others: its
 * memory per key added is, and (in runSoak) every sampled status key must carry a TTL.
 */
export function judgeSoak(samples: readonly SoakSample[]): SeriesVerdict[] {
  const names = Object.keys(samples[0]?.rssMb ?? {});
  return [
    ...names
      .filter((name) => name !== REDIS_PROCESS)
      .map((name) =>
        judgeSeries(
          `${name} RSS MB`,
          samples.map((s) => s.rssMb[name] ?? Number.NaN),
          1.5,
          64,
        ),
      ),
    ...names.map((name) =>
      judgeSeries(
        `${name} open files`,
        samples.map((s) => s.openFiles[name] ?? Number.NaN),
        1.2,
        64,
      ),
    ),
    judgeSeries(
      'Kafka lag (records)',
      samples.map((s) => s.kafkaLag),
      2,
      2000,
    ),
    judgeSeries('Redis bytes per key added', redisBytesPerKeyAdded(samples), 1.5, 256),
  ];
}
