import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { spawnCommand } from '@metrochain/tool-kit/workspace';
import { repoPaths, toolPath } from '../paths';
import { CheckFailure } from './check';

const KUSTOMIZATION = 'kustomization.yaml';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return yamlFiles(full);
    }
    return entry.name.endsWith('.yaml') || entry.name.endsWith('.yml') ? [full] : [];
  });
}

/**
 * The Kubernetes objects kept as plain files under k8s/: every YAML file except kustomizations and the overlays'
 * patches (the overlays are validated as kustomize renders them).
 */
export function k8sResourceFiles(root: string = repoPaths.k8s): string[] {
  if (!existsSync(root)) {
    return [];
  }
  const overlays = path.join(root, 'overlays') + path.sep;
  return yamlFiles(root)
    .filter((file) => path.basename(file) !== KUSTOMIZATION && !file.startsWith(overlays))
    .sort();
}

/** k8s/overlays/<name>/ folders with a kustomization.yaml. */
export function discoverOverlays(root: string = repoPaths.overlays): { name: string; dir: string }[] {
  if (!existsSync(root)) {
    return [];
  }
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(root, entry.name, KUSTOMIZATION)))
    .map((entry) => ({ name: entry.name, dir: path.join(root, entry.name) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

const built = new Map<string, Promise<string>>();

async function build(dir: string): Promise<string> {
  const result = await spawnCommand(toolPath('kustomize'), ['build', dir]);
  if (result.code !== 0) {
    throw new CheckFailure(`kustomize build ${dir} failed`, result.stdout + result.stderr);
  }
  return result.stdout;
}

/** `kustomize build` of an overlay, run once and shared by the checks that read it. */
export function kustomizeBuild(dir: string): Promise<string> {
  let output = built.get(dir);
  if (output === undefined) {
    output = build(dir);
    built.set(dir, output);
  }
  return output;
}
