import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ImageErrorCode, imageError } from '../../image-error';
import { REPO_ROOT } from '../../paths';
import { walkFiles } from '../../walk-files';
import type { LayerTree } from '../layer-tree';

/** Copies a file, or every file below a folder, of the repository to `to`, each with `mode`. */
export function writeRepositoryFiles(tree: LayerTree, from: string, to: string, mode: number): void {
  const source = path.join(REPO_ROOT, from);
  if (!existsSync(source)) {
    throw imageError(ImageErrorCode.INPUT_MISSING, `${from} does not exist in the repository`);
  }
  if (statSync(source).isFile()) {
    tree.copy(to, source, mode);
    return;
  }
  const files = walkFiles(source);
  if (files.length === 0) {
    throw imageError(ImageErrorCode.INPUT_MISSING, `${from} holds no files`);
  }
  for (const file of files) {
    tree.copy(path.posix.join(to, file), path.join(source, file), mode);
  }
}
