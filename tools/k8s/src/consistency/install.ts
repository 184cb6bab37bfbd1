import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { spawnCommand } from '@metrochain/tool-kit/workspace';
import { helmEnv, repoPaths, toolPath } from '../paths';
import { K8S_VERSIONS } from '../versions';
import type { Sourced } from './cluster-model';
import type { KubeObject } from './kube-types';

/** One `helm install` of the install docs (charts/README.md and each chart's README). */
export interface Release {
  readonly chart: 'metrochain-nmi' | 'metrochain-orderers' | 'metrochain-services';
  readonly release: string;
  readonly namespace: string;
  readonly set?: Readonly<Record<string, string | number>>;
}

/**
 * The documented install of two NMIs: each NMI's metrochain-nmi release named after it in its namespace, the
 * orderers in metrochain-orderers, metrochain-services as release `services` in each NMI's namespace.
 */
export const DOCUMENTED_INSTALL: readonly Release[] = [
  { chart: 'metrochain-nmi', release: 'ptb', namespace: 'ptb' },
  {
    chart: 'metrochain-nmi',
    release: 'inmetro',
    namespace: 'inmetro',
    set: { 'nmi.name': 'Inmetro', 'nmi.mspId': 'InmetroMSP', 'nmi.domain': 'inmetro.metrochain.local' },
  },
  { chart: 'metrochain-orderers', release: 'orderers', namespace: 'metrochain-orderers' },
  { chart: 'metrochain-services', release: 'services', namespace: 'ptb' },
  { chart: 'metrochain-services', release: 'services', namespace: 'inmetro', set: { org: 'Inmetro' } },
];

/** The folders of k8s/ applied next to the charts. */
export const K8S_FOLDERS = ['namespaces', 'redis', 'kafka'] as const;

function parseObjects(yaml: string, source: string, namespace?: string): Sourced<KubeObject>[] {
  return parseAllDocuments(yaml)
    .map((document) => document.toJSON() as KubeObject | null)
    .filter((object): object is KubeObject => object !== null && typeof object.kind === 'string')
    .map((object) => ({
      ...object,
      metadata: { ...object.metadata, namespace: object.metadata.namespace ?? namespace },
      source,
    }));
}

/** `helm template` of a release as `helm install -n <namespace>` would create it (hooks included). */
export async function renderRelease(release: Release): Promise<Sourced<KubeObject>[]> {
  const args = [
    'template',
    release.release,
    path.join(repoPaths.charts, release.chart),
    '--namespace',
    release.namespace,
    '--kube-version',
    K8S_VERSIONS.kubernetes,
    ...Object.entries(release.set ?? {}).flatMap(([key, value]) => ['--set', `${key}=${String(value)}`]),
  ];
  const result = await spawnCommand(toolPath('helm'), args, { env: helmEnv() });
  if (result.code !== 0) {
    throw new Error(`helm ${args.join(' ')} failed:\n${result.stderr}`);
  }
  return parseObjects(
    result.stdout,
    `${release.chart} release ${release.release} in ${release.namespace}`,
    release.namespace,
  );
}

/** The plain resources of k8s/<folder> (kustomizations left out), each object in the namespace its file names. */
export function k8sObjects(folders: readonly string[] = K8S_FOLDERS): Sourced<KubeObject>[] {
  return folders.flatMap((folder) => {
    const dir = path.join(repoPaths.k8s, folder);
    return readdirSync(dir)
      .filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml')
      .sort()
      .flatMap((file) => parseObjects(readFileSync(path.join(dir, file), 'utf8'), `k8s/${folder}/${file}`));
  });
}

/** Every object of the documented install: the releases rendered, then k8s/. */
export async function renderDocumentedInstall(
  releases: readonly Release[] = DOCUMENTED_INSTALL,
): Promise<Sourced<KubeObject>[]> {
  const rendered = await Promise.all(releases.map(renderRelease));
  return [...rendered.flat(), ...k8sObjects()];
}
