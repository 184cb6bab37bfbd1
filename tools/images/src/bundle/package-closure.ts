import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { ImageErrorCode, imageError } from '../image-error';
import type { LayerTree } from '../layer/layer-tree';
import { REPO_ROOT } from '../paths';
import { type PackageOrigin, copyPackageFiles } from './package-files';

interface Manifest {
  name?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/** A package found on disk: its real folder and the folder (relative to the closure's root) it gets in the image. */
interface Placed {
  source: string;
  target: string;
}

const REPO_MODULES = path.join(REPO_ROOT, 'node_modules');

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest;
}

function originOf(source: string): PackageOrigin {
  return source.startsWith(`${REPO_MODULES}${path.sep}`) ? 'registry' : 'workspace';
}

/** The folders Node searches for `name` from `from`, each with the image folder that mirrors it. */
function lookupCandidates(from: Placed, name: string, rootSource: string): Placed[] {
  const candidates: Placed[] = [
    {
      source: path.join(from.source, 'node_modules', name),
      target: path.posix.join(from.target, 'node_modules', name),
    },
  ];
  for (let dir = path.dirname(from.source); dir.startsWith(REPO_ROOT); dir = path.dirname(dir)) {
    const mirrored = mirrorOf(dir, rootSource);
    if (mirrored !== undefined && path.basename(dir) !== 'node_modules') {
      candidates.push({
        source: path.join(dir, 'node_modules', name),
        target: path.posix.join(mirrored, 'node_modules', name),
      });
    } else if (existsSync(path.join(dir, 'node_modules', name))) {
      throw imageError(
        ImageErrorCode.LAYER_CONFLICT,
        `${dir}/node_modules/${name} has no place in the image's tree`,
      );
    }
    if (dir === REPO_ROOT) break;
  }
  return candidates;
}

/** The image folder of a workspace folder: the repository root and installed packages keep their relative place. */
function mirrorOf(dir: string, rootSource: string): string | undefined {
  if (dir === REPO_ROOT || dir === rootSource) return '';
  if (dir.startsWith(`${REPO_MODULES}${path.sep}`))
    return path.relative(REPO_ROOT, dir).split(path.sep).join('/');
  return undefined;
}

function dependencyNames(manifest: Manifest, dir: string): string[] {
  const optional = Object.keys(manifest.optionalDependencies ?? {});
  const peers = Object.keys(manifest.peerDependencies ?? {}).filter(
    (name) => manifest.peerDependenciesMeta?.[name]?.optional !== true,
  );
  const required = Object.keys(manifest.dependencies ?? {}).filter((name) => !optional.includes(name));
  // Optional and peer dependencies come along when they are installed; a missing one is the package's own concern.
  const installed = [...optional, ...peers].filter((name) => findUp(dir, name) !== undefined);
  return [...new Set([...required, ...installed])].sort();
}

function findUp(dir: string, name: string): string | undefined {
  for (let current = dir; current.startsWith(REPO_ROOT); current = path.dirname(current)) {
    const candidate = path.join(current, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (current === REPO_ROOT) break;
  }
  return undefined;
}

export interface ClosureRoot {
  /** The folder whose dependencies are resolved (a workspace package, or the repository root for bundle externals). */
  source: string;
  dependencies: readonly string[];
}

/**
 * Copies `root.dependencies` and everything they depend on at run time into `<to>/node_modules`, mirroring the
 * workspace's layout (nested versions stay nested, workspace packages are copied, not linked), so Node resolves
 * in the image exactly what it resolves in the workspace. Resolves to the number of packages copied.
 */
export function copyPackageClosure(tree: LayerTree, to: string, root: ClosureRoot): number {
  const placed = new Map<string, string>();
  const queue: { from: Placed; names: readonly string[] }[] = [
    { from: { source: root.source, target: '' }, names: root.dependencies },
  ];
  for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
    for (const name of item.names) {
      const found = lookupCandidates(item.from, name, root.source).find((candidate) =>
        existsSync(path.join(candidate.source, 'package.json')),
      );
      if (found === undefined) {
        throw imageError(
          ImageErrorCode.INPUT_MISSING,
          `${name} (needed by ${item.from.source}) is not installed: run npm ci`,
        );
      }
      const source = realpathSync(found.source);
      const earlier = placed.get(found.target);
      if (earlier !== undefined) {
        if (earlier !== source)
          throw imageError(
            ImageErrorCode.LAYER_CONFLICT,
            `${found.target} would hold both ${earlier} and ${source}`,
          );
        continue;
      }
      placed.set(found.target, source);
      copyPackageFiles(tree, source, path.posix.join(to, found.target), originOf(source));
      queue.push({
        from: { source, target: found.target },
        names: dependencyNames(readManifest(source), source),
      });
    }
  }
  return placed.size;
}
