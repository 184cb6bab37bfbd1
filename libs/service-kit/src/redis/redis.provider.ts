import { type FactoryProvider, Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { PlatformConfig } from '../config/platform-config';
import { REDIS_CLIENT, SERVICE_CONTEXT } from '../platform.tokens';
import type { ServiceContext } from '../service-context';

/**
 * One Redis connection per service, from the profile's `redis.url`. It connects in the background and reconnects
 * forever; readiness reports it down meanwhile, and a command fails after one reconnection attempt instead of
 * queueing without bound.
 */
export const redisProvider: FactoryProvider<Redis> = {
  provide: REDIS_CLIENT,
  useFactory: (context: ServiceContext<PlatformConfig>): Redis =>
    watchConnection(
      new Redis(context.profile.redis.url, {
        connectionName: `metrochain-${context.serviceName}`,
        maxRetriesPerRequest: 1,
      }),
    ),
  inject: [SERVICE_CONTEXT],
};

/** `QUIT` when connected, so pending replies arrive; otherwise just stop reconnecting. */
export async function closeRedis(redis: Pick<Redis, 'status' | 'quit' | 'disconnect'>): Promise<void> {
  if (redis.status === 'ready') {
    await redis.quit();
    return;
  }
  redis.disconnect();
}

// ioredis emits `error` on every failed reconnection; log the first of an outage and the recovery only.
function watchConnection(redis: Redis): Redis {
  const logger = new Logger('Redis');
  let failing = false;
  redis.on('error', (error: Error) => {
    if (!failing) {
      failing = true;
      logger.warn(`Redis connection failed: ${error.message}`);
    }
  });
  redis.on('ready', () => {
    if (failing) {
      failing = false;
      logger.log('Redis connection restored');
    }
  });
  return redis;
}
