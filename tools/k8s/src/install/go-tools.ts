import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { commandOutput } from '@metrochain/tool-kit/workspace';
import { cachePaths, goEnv, toolPath } from '../paths';
import { K8S_VERSIONS, type ToolName } from '../versions';
import type { InstallPart } from './part';

/** `go install module/cmd@version` into the cache's bin folder. */
function goInstall(tool: ToolName, pkg: string, version: string, ldflags?: string): InstallPart {
  const args = ['install', ...(ldflags === undefined ? [] : ['-ldflags', ldflags]), `${pkg}@${version}`];
  return {
    name: tool,
    version,
    outputs: [toolPath(tool)],
    action: `go ${args.join(' ')} (first time: minutes)`,
    async install() {
      mkdirSync(cachePaths.bin, { recursive: true });
      await commandOutput('go', args, { env: goEnv() });
    },
  };
}

/** Module source folder in the Go module cache (downloading it if needed). */
export async function goModuleDir(module: string, version: string): Promise<string> {
  const info = JSON.parse(
    await commandOutput('go', ['mod', 'download', '-json', `${module}@${version}`], {
      env: goEnv(),
      cwd: os.tmpdir(),
    }),
  ) as { Dir?: string; Error?: string };
  if (info.Dir === undefined) {
    throw new Error(`go mod download ${module}@${version}: ${info.Error ?? 'no folder reported'}`);
  }
  return info.Dir;
}

function makeWritable(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir)) {
    const file = path.join(dir, entry);
    if (statSync(file).isDirectory()) {
      makeWritable(file);
    } else {
      chmodSync(file, 0o644);
    }
  }
}

/**
 * helm-unittest's go.mod has a replace directive, which `go install module@version` refuses: build its command
 * from a writable copy of the module instead. The binary runs standalone (`untt <chart>`), no Helm plugin needed.
 */
function helmUnittest(): InstallPart {
  const module = 'github.com/helm-unittest/helm-unittest';
  const version = K8S_VERSIONS.helmUnittest;
  return {
    name: 'untt',
    version,
    outputs: [toolPath('untt')],
    action: `go build ./cmd/helm-unittest from ${module}@${version} (its replace directive rules out go install)`,
    async install() {
      const source = await goModuleDir(module, version);
      const work = mkdtempSync(path.join(os.tmpdir(), 'helm-unittest-'));
      try {
        cpSync(source, work, { recursive: true });
        makeWritable(work);
        mkdirSync(cachePaths.bin, { recursive: true });
        await commandOutput('go', ['build', '-trimpath', '-o', toolPath('untt'), './cmd/helm-unittest'], {
          cwd: work,
          env: goEnv(),
        });
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
  };
}

export function goToolParts(): InstallPart[] {
  const helmVersion = K8S_VERSIONS.helm;
  return [
    // Without the ldflag `helm version` prints only the minor version.
    goInstall(
      'helm',
      'helm.sh/helm/v4/cmd/helm',
      helmVersion,
      `-X helm.sh/helm/v4/internal/version.version=${helmVersion}`,
    ),
    goInstall('kubeconform', 'github.com/yannh/kubeconform/cmd/kubeconform', K8S_VERSIONS.kubeconform),
    goInstall('kube-score', 'github.com/zegl/kube-score/cmd/kube-score', K8S_VERSIONS.kubeScore),
    goInstall('kustomize', 'sigs.k8s.io/kustomize/kustomize/v5', K8S_VERSIONS.kustomize),
    helmUnittest(),
  ];
}
