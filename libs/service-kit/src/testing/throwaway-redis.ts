import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { Redis } from 'ioredis';

const REDIS_SERVER = '/usr/bin/redis-server';

/** Why the Lua specs cannot run here, or false when they can. */
export const redisMissing: string | false = existsSync(REDIS_SERVER)
  ? false
  : `${REDIS_SERVER} is not installed`;

/**
 * A private redis-server for one spec file: a unix socket in a temporary folder (no TCP port, so it cannot clash
 * with the local network's Redis), no persistence; `stop` kills exactly this process and removes the folder.
 */
export class ThrowawayRedis {
  readonly #folder: string;
  readonly #process: ChildProcess;
  readonly client: Redis;

  private constructor(folder: string, child: ChildProcess, client: Redis) {
    this.#folder = folder;
    this.#process = child;
    this.client = client;
  }

  static async start(): Promise<ThrowawayRedis> {
    const folder = mkdtempSync(path.join(tmpdir(), 'service-redis-'));
    const socket = path.join(folder, 'redis.sock');
    const child = spawn(
      REDIS_SERVER,
      ['--port', '0', '--unixsocket', socket, '--save', '', '--appendonly', 'no', '--dir', folder],
      { stdio: 'ignore' },
    );
    for (let waited = 0; !existsSync(socket); waited += 20) {
      if (waited > 5_000) {
        child.kill();
        throw new Error('redis-server did not open its socket within 5 s');
      }
      await delay(20);
    }
    return new ThrowawayRedis(folder, child, new Redis({ path: socket, maxRetriesPerRequest: 1 }));
  }

  async stop(): Promise<void> {
    this.client.disconnect();
    this.#process.kill();
    await new Promise((resolve) => this.#process.once('exit', resolve));
    rmSync(this.#folder, { recursive: true, force: true });
  }
}
