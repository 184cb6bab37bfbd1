import { spawnCommand } from '@metrochain/tool-kit/workspace';
import { helmEnv, toolPath } from '../paths';
import type { ChartTarget } from './charts';
import { CheckFailure } from './check';

/** helm-unittest over the chart's tests/*_test.yaml suites; a chart without suites fails. */
export async function helmUnittest(chart: ChartTarget): Promise<void> {
  if (chart.unitTestSuites.length === 0) {
    throw new CheckFailure(`${chart.name} has no helm-unittest suites (tests/*_test.yaml)`, '');
  }
  const result = await spawnCommand(toolPath('untt'), ['--color=false', chart.dir], { env: helmEnv() });
  if (result.code !== 0) {
    throw new CheckFailure(`untt ${chart.dir} failed`, result.stdout + result.stderr);
  }
}
