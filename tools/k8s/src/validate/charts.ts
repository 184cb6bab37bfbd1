import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { repoPaths } from '../paths';

/** One way of installing a chart: values.yaml alone (`default`) or with one values-<name>.yaml on top. */
export interface Profile {
  readonly name: string;
  /** Given to helm with -f, after the chart's own values.yaml. */
  readonly valuesFiles: readonly string[];
  /**
   * API versions the target cluster offers beyond the built-ins (`--api-versions`): the default profile is a bare
   * cluster, every values-*.yaml profile one with the Prometheus Operator, so both branches of a
   * `.Capabilities.APIVersions.Has "monitoring.coreos.com/v1"` template are rendered and validated.
   */
  readonly apiVersions: readonly string[];
}

export interface ChartTarget {
  readonly name: string;
  readonly dir: string;
  readonly profiles: readonly Profile[];
  /** helm-unittest suites (tests/*_test.yaml). */
  readonly unitTestSuites: readonly string[];
}

export const MONITORING_API = 'monitoring.coreos.com/v1';

function profiles(dir: string): Profile[] {
  const extra = readdirSync(dir)
    .map((file) => /^values-([a-z0-9-]+)\.yaml$/.exec(file))
    .filter((match) => match !== null)
    .map((match) => ({
      name: match[1] ?? match[0],
      valuesFiles: [path.join(dir, match[0])],
      apiVersions: [MONITORING_API],
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return [{ name: 'default', valuesFiles: [], apiVersions: [] }, ...extra];
}

function unitTestSuites(dir: string): string[] {
  const tests = path.join(dir, 'tests');
  return existsSync(tests)
    ? readdirSync(tests)
        .filter((file) => file.endsWith('_test.yaml'))
        .sort()
    : [];
}

/** Every chart under `root` (a folder with a Chart.yaml), with its values profiles. */
export function discoverCharts(root: string = repoPaths.charts): ChartTarget[] {
  if (!existsSync(root)) {
    return [];
  }
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(root, entry.name, 'Chart.yaml')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const dir = path.join(root, name);
      return { name, dir, profiles: profiles(dir), unitTestSuites: unitTestSuites(dir) };
    });
}
