import { step } from '../log';
import { installFabric } from './fabric';
import { installFeTables } from './fe-tables';
import { installKafka } from './kafka';
import { checkPrerequisites } from './prerequisites';
import { installRedis } from './redis';

/** Idempotent: every part is skipped when its pinned version is already in the cache. */
export async function install(): Promise<void> {
  const started = Date.now();
  step('checking prerequisites');
  await checkPrerequisites();
  await installRedis();
  await installKafka();
  await installFabric();
  installFeTables();
  step(`install done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
