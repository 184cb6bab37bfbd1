import { lstatSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { type CachedDeb, cachedDeb, controlRecord } from '../../debian/debian-cache';
import { type DebianPins, pinnedVersion } from '../../debian/debian-pins';
import { ImageErrorCode, imageError } from '../../image-error';
import { walkFiles } from '../../walk-files';
import type { LayerTree } from '../layer-tree';

/** Debian 12 packages still ship /bin, /lib…; on a merged-/usr root those are links, so the files go below /usr. */
export function mergedUsrPath(relative: string): string {
  const [top, ...rest] = relative.split('/');
  const merged =
    top === 'bin' || top === 'sbin' || top === 'lib' || top === 'lib64'
      ? ['usr', top, ...rest]
      : [top, ...rest];
  return `/${merged.join('/')}`;
}

function entriesOf(deb: CachedDeb): { relative: string; source: string }[] {
  return walkFiles(deb.root).map((relative) => ({ relative, source: path.join(deb.root, relative) }));
}

/** Records the package the way dpkg would, so image scanners see which Debian packages (and versions) are inside. */
export async function recordPackage(tree: LayerTree, deb: CachedDeb): Promise<void> {
  tree.file(`/var/lib/dpkg/status.d/${deb.name}`, await controlRecord(deb));
}

export interface DebSelection {
  package: string;
  include: readonly string[];
  exclude?: readonly string[] | undefined;
}

/** Copies the files of a pinned package that match `include` (and not `exclude`); every include must match. */
export async function writeDebianFiles(
  tree: LayerTree,
  selection: DebSelection,
  pins: DebianPins,
): Promise<void> {
  const deb = await cachedDeb(selection.package, pinnedVersion(pins, selection.package));
  const unmatched = new Set(selection.include);
  for (const { relative, source } of entriesOf(deb)) {
    const imagePath = mergedUsrPath(relative);
    const matching = selection.include.filter((glob) => path.posix.matchesGlob(imagePath.slice(1), glob));
    if (matching.length === 0) continue;
    if (selection.exclude?.some((glob) => path.posix.matchesGlob(imagePath.slice(1), glob)) === true)
      continue;
    matching.forEach((glob) => unmatched.delete(glob));
    if (lstatSync(source).isSymbolicLink()) {
      tree.symlink(imagePath, readlinkSync(source));
    } else {
      // No set-user-id or set-group-id bits in these images.
      tree.file(imagePath, readFileSync(source), lstatSync(source).mode & 0o755);
    }
  }
  if (unmatched.size > 0) {
    throw imageError(
      ImageErrorCode.RECIPE_INVALID,
      `${deb.name} ${deb.version} has no file matching ${[...unmatched].join(', ')}`,
    );
  }
  await recordPackage(tree, deb);
}
