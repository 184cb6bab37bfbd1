import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ImageErrorCode, imageError } from '../image-error';
import type { LayerTree } from '../layer/layer-tree';
import { REPO_ROOT } from '../paths';
import { copyPackageClosure } from './package-closure';
import { copyPackageFiles } from './package-files';

interface PackageManifest {
  name: string;
  version: string;
  main: string;
  dependencies?: Record<string, string>;
}

/**
 * A workspace package as it runs in the workspace, not bundled: its compiled files and its production dependencies
 * as node_modules. The chaincode ships this way: @metrochain/lr computes its fingerprint from its own files at
 * load time, the chaincode reads its version from package.json next to dist/, and fabric-contract-api reads
 * parameter names from function source and compares Context constructors — a bundle would change all four.
 */
export function writeNodePackage(tree: LayerTree, packageDir: string, to: string): number {
  const source = path.join(REPO_ROOT, packageDir);
  const manifest = JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8')) as PackageManifest;
  if (!existsSync(path.join(source, manifest.main))) {
    throw imageError(
      ImageErrorCode.INPUT_MISSING,
      `${packageDir}/${manifest.main} is missing: run npm run build`,
    );
  }
  copyPackageFiles(tree, source, to, 'workspace', false);
  // What fabric-shim and the chaincode read of it; the workspace's dependency ranges mean nothing in the image.
  const { name, version, main } = manifest;
  tree.file(path.posix.join(to, 'package.json'), `${JSON.stringify({ name, version, main }, null, 2)}\n`);
  return copyPackageClosure(tree, to, { source, dependencies: Object.keys(manifest.dependencies ?? {}) });
}
