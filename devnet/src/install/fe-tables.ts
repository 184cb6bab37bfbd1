import { createDlogSolver } from '@metrochain/fe';
import { detail, step } from '../log';
import { cachePaths } from '../paths';

/**
 * The baby-step table libs/fe solves bounded discrete logarithms with (docs/billing.md): built once per machine
 * (about 4 s, 8 MiB) into the cache the chaincode servers and the customer CLI read, so that no bill waits for it.
 */
export function installFeTables(): void {
  step('functional encryption: discrete-log table');
  let reported = 0;
  const solver = createDlogSolver({
    cacheDir: cachePaths.feTables,
    onBuildProgress: (done, total) => {
      const percent = Math.floor((100 * done) / total);
      if (percent >= reported + 25) {
        reported = percent;
        detail(`building the table: ${String(percent)} %`);
      }
    },
  });
  solver.prepare();
  detail(`table ${solver.tableSource === 'cache' ? 'cached' : 'built'} in ${cachePaths.feTables}`);
}
