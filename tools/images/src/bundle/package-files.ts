import { lstatSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import type { LayerTree } from '../layer/layer-tree';
import { walkFiles } from '../walk-files';

/** What an image needs of an installed package: no type declarations, source maps or docs (licences stay). */
function shippedFromRegistryPackage(relative: string): boolean {
  const name = path.posix.basename(relative);
  if (/^(licen[cs]e|notice|copying)/i.test(name)) return true;
  return !/\.(d\.[cm]?ts|map|md|markdown)$/i.test(name) && !relative.split('/').includes('node_modules');
}

/**
 * Of a workspace package, only its package.json and compiled JavaScript, without tests and test helpers: the
 * files @metrochain/lr's code fingerprint covers (libs/lr/src/fingerprint), so the fingerprint the image computes
 * at start-up is the one computed in the workspace.
 */
function shippedFromWorkspacePackage(relative: string): boolean {
  if (relative === 'package.json') return true;
  const segments = relative.split('/');
  return (
    segments[0] === 'dist' &&
    relative.endsWith('.js') &&
    !relative.endsWith('.spec.js') &&
    !segments.includes('testing') &&
    !segments.includes('node_modules')
  );
}

export type PackageOrigin = 'registry' | 'workspace';

/**
 * Copies one package's files from `source` to the image folder `to`; nested node_modules are separate packages.
 * `withManifest: false` leaves package.json to the caller.
 */
export function copyPackageFiles(
  tree: LayerTree,
  source: string,
  to: string,
  origin: PackageOrigin,
  withManifest = true,
): void {
  const keep = origin === 'workspace' ? shippedFromWorkspacePackage : shippedFromRegistryPackage;
  const files = walkFiles(source).filter(
    (relative) => keep(relative) && (withManifest || relative !== 'package.json'),
  );
  for (const relative of files) {
    const file = path.join(source, relative);
    const target = path.posix.join(to, relative);
    const stat = lstatSync(file);
    if (stat.isSymbolicLink()) {
      tree.symlink(target, readlinkSync(file));
    } else {
      tree.copy(target, file, stat.mode & 0o111 ? 0o755 : 0o644);
    }
  }
}
