import type { Redis } from 'ioredis';
import type { ReadingStatusChange, StatusStore, StatusUpdate } from './reading-status';

export const STATUS_KEY_PREFIX = 'measurement:status:';

// Compare-and-set in one step, so that two writers (ingest, recorder, rejection consumer; any instance) can never
// move a status backwards. The ranks are STATUS_RANK's. ARGV: ttl seconds, status, then field/value pairs. The trace
// id written at ingest stays with the later statuses unless they name one themselves.
export const APPLY_STATUS_SCRIPT = `
local rank = { received = 1, verified = 2, rejected = 3, recorded = 4 }
local current = redis.call('HGET', KEYS[1], 'status')
if current and (rank[current] or 0) >= rank[ARGV[2]] then
  return 0
end
local trace = redis.call('HGET', KEYS[1], 'traceId')
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'status', ARGV[2], unpack(ARGV, 3))
if trace and redis.call('HEXISTS', KEYS[1], 'traceId') == 0 then
  redis.call('HSET', KEYS[1], 'traceId', trace)
end
redis.call('EXPIRE', KEYS[1], ARGV[1])
return 1
`;

export type StatusRedis = Pick<Redis, 'pipeline' | 'hgetall' | 'defineCommand'>;

/** The script as a command of the client: ioredis sends EVALSHA, and loads the script once when Redis lacks it. */
const APPLY_STATUS_COMMAND = 'metrochainApplyReadingStatus';

type ScriptPipeline = Record<typeof APPLY_STATUS_COMMAND, (key: string, ...args: string[]) => unknown>;

/**
 * A status as a Redis hash per reading id, kept `ttlSeconds` after its last change. Each change runs the script by
 * its SHA-1 (EVALSHA): sending its text with every change (EVAL) was ~400 bytes per reading and status, and made
 * Redis hash the text each time.
 */
export class RedisStatusStore implements StatusStore {
  readonly #redis: StatusRedis;
  readonly #ttl: string;

  constructor(redis: StatusRedis, ttlSeconds: number) {
    this.#redis = redis;
    this.#ttl = String(ttlSeconds);
    redis.defineCommand(APPLY_STATUS_COMMAND, { numberOfKeys: 1, lua: APPLY_STATUS_SCRIPT });
  }

  async apply(changes: readonly Readonly<ReadingStatusChange>[]): Promise<void> {
    if (changes.length === 0) {
      return;
    }
    const pipeline = this.#redis.pipeline();
    const scripts = pipeline as unknown as ScriptPipeline;
    for (const { readingId, update } of changes) {
      scripts[APPLY_STATUS_COMMAND](STATUS_KEY_PREFIX + readingId, this.#ttl, ...argsOf(update));
    }
    const results = (await pipeline.exec()) ?? [];
    const failure = results.find(([error]) => error !== null)?.[0];
    if (failure !== undefined && failure !== null) {
      throw failure;
    }
  }

  async read(readingId: string): Promise<Readonly<Record<string, string>> | undefined> {
    const fields = await this.#redis.hgetall(STATUS_KEY_PREFIX + readingId);
    return Object.keys(fields).length === 0 ? undefined : fields;
  }
}

/** The hash fields of a status: the status itself and what it records; absent optional fields are left out. */
export function statusFields(update: StatusUpdate): Record<string, string> {
  const fields: Record<string, string | undefined> = { status: update.status, updatedAt: update.updatedAt };
  if (update.status === 'recorded') {
    fields['result'] = JSON.stringify(update.result);
    fields['txId'] = update.txId;
    fields['blockNumber'] = String(update.blockNumber);
  } else if (update.status === 'rejected') {
    fields['reason'] = update.reason;
    fields['stage'] = update.stage;
    fields['lrCode'] = update.lrCode;
    fields['detail'] = update.detail;
  } else {
    fields['traceId'] = update.traceId;
  }
  return Object.fromEntries(
    Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** The script's ARGV after the TTL: the status, then field/value pairs. */
function argsOf(update: StatusUpdate): string[] {
  const { status, ...rest } = statusFields(update);
  return [status ?? update.status, ...Object.entries(rest).flat()];
}
