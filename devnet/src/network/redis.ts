import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { detail, step } from '../log';
import type { ProcessSpec } from '../process/supervisor';
import { startHealthy, type NetworkContext } from './context';

export function redisSpec(ctx: NetworkContext): ProcessSpec {
  const dataDir = path.join(ctx.paths.data, 'redis');
  return {
    name: 'redis',
    kind: 'redis',
    command: 'redis-server',
    args: [
      '--port',
      String(ctx.topology.redis.port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dataDir,
      '--appendonly',
      'yes',
      '--appendfsync',
      'everysec',
      '--save',
      '',
      '--daemonize',
      'no',
      '--protected-mode',
      'yes',
    ],
    health: { type: 'tcp', host: '127.0.0.1', port: ctx.topology.redis.port },
  };
}

export async function startRedis(ctx: NetworkContext): Promise<void> {
  step('starting Redis');
  mkdirSync(path.join(ctx.paths.data, 'redis'), { recursive: true });
  await startHealthy(ctx, redisSpec(ctx));
  detail(`redis on 127.0.0.1:${String(ctx.topology.redis.port)} (AOF persistence)`);
}
