import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ImageErrorCode, imageError } from '../../image-error';
import { NODE_BINARY, REPO_ROOT, fabricCache } from '../../paths';
import type { LayerTree } from '../layer-tree';

/** The version the workspace pins in its root package.json (devDependencies.node). */
export function pinnedNodeVersion(): string {
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    devDependencies?: Record<string, string>;
  };
  const version = manifest.devDependencies?.['node'];
  if (version === undefined) {
    throw imageError(ImageErrorCode.INPUT_MISSING, 'the root package.json pins no node devDependency');
  }
  return version;
}

/** Copies the workspace's Node binary after checking it is the pinned version (npm ci installs it). */
export function writeNode(tree: LayerTree, to: string): void {
  const expected = `v${pinnedNodeVersion()}`;
  const actual = existsSync(NODE_BINARY)
    ? execFileSync(NODE_BINARY, ['--version'], { encoding: 'utf8' }).trim()
    : 'none';
  if (actual !== expected) {
    throw imageError(
      ImageErrorCode.INPUT_MISSING,
      `${NODE_BINARY} is ${actual}, expected ${expected}: run npm ci`,
    );
  }
  tree.copy(to, NODE_BINARY, 0o755);
}

/** Copies static Fabric binaries that `node devnet/dist/cli.js install` built into the machine's cache. */
export function writeFabricBinaries(tree: LayerTree, names: readonly string[], to: string): void {
  for (const name of names) {
    const source = path.join(fabricCache.bin, name);
    if (!existsSync(source)) {
      throw imageError(
        ImageErrorCode.INPUT_MISSING,
        `${source} is missing: run node devnet/dist/cli.js install`,
      );
    }
    tree.copy(path.posix.join(to, name), source, 0o755);
  }
}
