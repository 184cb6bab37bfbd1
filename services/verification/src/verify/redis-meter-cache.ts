import type { Redis } from 'ioredis';
import type { SharedMeterCache } from './meter-directory';

const RECORD_PREFIX = 'verification:meter:';
const GENERATION_PREFIX = 'verification:meter-gen:';

// Writes the record only while the generation is unchanged since the caller read it: an invalidation in between
// (which bumps the generation) wins over a ledger read that started before it.
const WRITE_IF_GENERATION = `
local current = redis.call('GET', KEYS[2]) or '0'
if current == ARGV[2] then
  redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3])
  return 1
end
return 0`;

export type MeterCacheRedis = Pick<Redis, 'mget' | 'eval' | 'multi'>;

/** Meter records shared by the verification instances, with a per-meter generation against stale writes. */
export class RedisMeterCache implements SharedMeterCache {
  readonly #redis: MeterCacheRedis;

  constructor(redis: MeterCacheRedis) {
    this.#redis = redis;
  }

  async read(meterId: string): Promise<{ json: string | undefined; generation: string }> {
    const [json, generation] = await this.#redis.mget(RECORD_PREFIX + meterId, GENERATION_PREFIX + meterId);
    return { json: json ?? undefined, generation: generation ?? '0' };
  }

  async writeIfGeneration(
    meterId: string,
    json: string,
    generation: string,
    ttlSeconds: number,
  ): Promise<void> {
    await this.#redis.eval(
      WRITE_IF_GENERATION,
      2,
      RECORD_PREFIX + meterId,
      GENERATION_PREFIX + meterId,
      json,
      generation,
      String(ttlSeconds),
    );
  }

  async invalidate(meterId: string): Promise<void> {
    await this.#redis
      .multi()
      .del(RECORD_PREFIX + meterId)
      .incr(GENERATION_PREFIX + meterId)
      .exec();
  }
}
