import { exec, commandExists } from '../exec';
import { detail, step } from '../log';

/** Redis comes from Debian's package; installing it needs root. */
export async function installRedis(): Promise<void> {
  if (await commandExists('redis-server')) {
    detail(`Redis: ${(await exec('redis-server', ['--version'])).trim()}`);
    return;
  }
  if (process.getuid?.() !== 0) {
    throw new Error('redis-server is missing: install it with `sudo apt-get install redis-server`');
  }
  step('Redis: apt-get install redis-server');
  await exec('apt-get', ['update', '-q']);
  await exec('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'redis-server'], {
    env: { DEBIAN_FRONTEND: 'noninteractive' },
  });
  // Debian's package starts a system-wide instance on 6379; the devnet runs its own on another port.
  await exec('sh', ['-c', 'service redis-server stop >/dev/null 2>&1 || true']);
}
