import path from 'node:path';
import { spawnCommand } from '@metrochain/tool-kit/workspace';
import { cachePaths, repoPaths, toolPath } from '../paths';
import { K8S_VERSIONS } from '../versions';
import { CheckFailure } from './check';

interface KubeconformReport {
  resources?: { filename: string; kind: string; name: string; status: string; msg: string }[];
  summary: { valid: number; invalid: number; errors: number; skipped: number };
}

/**
 * kubeconform -strict against the local schemas only: Kubernetes' built-ins from the cache, custom resources from
 * k8s/schemas/crds. Missing schemas are errors (no -ignore-missing-schemas), and an input without any resource fails.
 */
export async function kubeconform(input: { yaml: string } | { files: readonly string[] }): Promise<void> {
  const args = [
    '-strict',
    '-summary',
    '-output',
    'json',
    '-kubernetes-version',
    K8S_VERSIONS.kubernetes,
    '-schema-location',
    path.join(cachePaths.kubernetesSchemas, '{{ .ResourceKind }}{{ .KindSuffix }}.json'),
    '-schema-location',
    path.join(repoPaths.crdSchemas, '{{ .Group }}', '{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json'),
    ...('yaml' in input ? ['-'] : input.files),
  ];
  const result = await spawnCommand(
    toolPath('kubeconform'),
    args,
    'yaml' in input ? { input: input.yaml } : {},
  );
  let report: KubeconformReport;
  try {
    report = JSON.parse(result.stdout) as KubeconformReport;
  } catch {
    throw new CheckFailure('kubeconform gave no report', result.stdout + result.stderr);
  }
  const problems = (report.resources ?? [])
    .filter((resource) => resource.status !== 'statusValid')
    .map((resource) => `${resource.filename}: ${resource.kind} ${resource.name}: ${resource.msg}`);
  const { valid, invalid, errors, skipped } = report.summary;
  if (result.code !== 0 || invalid + errors + skipped > 0 || valid === 0) {
    const counts = `${valid} valid, ${invalid} invalid, ${errors} errors, ${skipped} skipped`;
    throw new CheckFailure(`kubeconform: ${counts}`, [...problems, result.stderr].join('\n').trim());
  }
}
