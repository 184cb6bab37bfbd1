import path from 'node:path';
import { findRepoRoot, metrochainCacheDir } from '@metrochain/tool-kit/workspace';
import { K8S_VERSIONS, type ToolName } from './versions';

export const REPO_ROOT = findRepoRoot(__dirname);

/** The project's files this tool reads and writes. */
export const repoPaths = {
  charts: path.join(REPO_ROOT, 'charts'),
  k8s: path.join(REPO_ROOT, 'k8s'),
  overlays: path.join(REPO_ROOT, 'k8s', 'overlays'),
  /** The CRD schemas the project keeps (committed; regenerated from the cached CRDs by `generate`). */
  crdSchemas: path.join(REPO_ROOT, 'k8s', 'schemas', 'crds'),
  kubeScoreAllow: path.join(REPO_ROOT, 'tools', 'k8s', 'kube-score-allow.yaml'),
};

/** Downloads and builds shared by every clone on this machine (the same root as the devnet's cache). */
export const CACHE_DIR = metrochainCacheDir();
const K8S_CACHE = path.join(CACHE_DIR, 'k8s');

export const cachePaths = {
  root: K8S_CACHE,
  bin: path.join(K8S_CACHE, 'bin'),
  /** Which version of each part is in the cache: a part whose recorded version differs is installed again. */
  installed: path.join(K8S_CACHE, 'installed.json'),
  /** Shared with the other Go builds of the project (libs/fe's benchmark). */
  goMod: path.join(CACHE_DIR, 'go', 'mod'),
  goBuild: path.join(CACHE_DIR, 'go', 'build'),
  mavenRepo: path.join(CACHE_DIR, 'm2'),
  helmHome: path.join(K8S_CACHE, 'helm'),
  wheels: path.join(K8S_CACHE, 'wheels'),
  /** Kubernetes built-in schemas in kubeconform's layout, their $refs pointing at this folder's _definitions.json. */
  kubernetesSchemas: path.join(
    K8S_CACHE,
    'schemas',
    `kubernetes-validate-${K8S_VERSIONS.kubernetesValidate}`,
    `v${K8S_VERSIONS.kubernetes}-local-strict`,
  ),
  strimziLibs: path.join(K8S_CACHE, `strimzi-${K8S_VERSIONS.strimzi}`, 'lib'),
  /** CRD YAML as the upstream tools produce it; `generate` turns it into k8s/schemas/crds. */
  crdSources: path.join(K8S_CACHE, 'crds'),
};

export function toolPath(tool: ToolName): string {
  return path.join(cachePaths.bin, tool);
}

/** Helm's own folders under the cache, so nothing it does touches the home folder. */
export function helmEnv(): NodeJS.ProcessEnv {
  return {
    HELM_CACHE_HOME: path.join(cachePaths.helmHome, 'cache'),
    HELM_CONFIG_HOME: path.join(cachePaths.helmHome, 'config'),
    HELM_DATA_HOME: path.join(cachePaths.helmHome, 'data'),
    HELM_PLUGINS: path.join(cachePaths.helmHome, 'plugins'),
  };
}

export function goEnv(): NodeJS.ProcessEnv {
  return {
    GOMODCACHE: cachePaths.goMod,
    GOCACHE: cachePaths.goBuild,
    GOBIN: cachePaths.bin,
    GOFLAGS: '-mod=mod -buildvcs=false',
    GOTOOLCHAIN: 'local',
    CGO_ENABLED: '0',
  };
}
