import { spawnCommand } from '@metrochain/tool-kit/workspace';
import { helmEnv, toolPath } from '../paths';
import { K8S_VERSIONS } from '../versions';
import type { ChartTarget, Profile } from './charts';
import { CheckFailure } from './check';

/** The namespace charts are rendered into for validation (a chart must not depend on a particular one). */
export const RENDER_NAMESPACE = 'validate';

function valuesArgs(profile: Profile): string[] {
  return profile.valuesFiles.flatMap((file) => ['-f', file]);
}

export async function helmLint(chart: ChartTarget, profile: Profile): Promise<void> {
  const args = [
    'lint',
    '--strict',
    '--kube-version',
    K8S_VERSIONS.kubernetes,
    ...valuesArgs(profile),
    chart.dir,
  ];
  const result = await spawnCommand(toolPath('helm'), args, { env: helmEnv() });
  if (result.code !== 0) {
    throw new CheckFailure(`helm ${args.join(' ')} failed`, result.stdout + result.stderr);
  }
}

const rendered = new Map<string, Promise<string>>();

async function template(chart: ChartTarget, profile: Profile): Promise<string> {
  const args = [
    'template',
    chart.name,
    chart.dir,
    '--namespace',
    RENDER_NAMESPACE,
    '--kube-version',
    K8S_VERSIONS.kubernetes,
    ...profile.apiVersions.flatMap((api) => ['--api-versions', api]),
    ...valuesArgs(profile),
  ];
  const result = await spawnCommand(toolPath('helm'), args, { env: helmEnv() });
  if (result.code !== 0) {
    throw new CheckFailure(`helm ${args.join(' ')} failed`, result.stdout + result.stderr);
  }
  return result.stdout;
}

/** `helm template` of a chart with a profile, rendered once and shared by the checks that read it. */
export function helmTemplate(chart: ChartTarget, profile: Profile): Promise<string> {
  const key = `${chart.dir}\0${profile.name}`;
  let render = rendered.get(key);
  if (render === undefined) {
    render = template(chart, profile);
    rendered.set(key, render);
  }
  return render;
}
