import { lstatSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeNodePackage } from '../bundle/node-package';
import { writeServiceBundle } from '../bundle/service-bundle';
import type { DebianPins } from '../debian/debian-pins';
import { layerDir, layerRecordFile } from '../paths';
import { detail } from '../progress';
import { walkFiles } from '../walk-files';
import type { Content, Recipe } from '../recipe/recipe.schema';
import { writeCaCertificates } from './contents/ca-certificates';
import { writeDebianFiles } from './contents/debian-files';
import { writeFabricConfig } from './contents/fabric-config';
import { writeRepositoryFiles } from './contents/repository-files';
import { writeFabricBinaries, writeNode } from './contents/runtime-binaries';
import { writeSkeleton } from './contents/skeleton';
import { LayerTree } from './layer-tree';

type Writer<Kind extends Content['kind']> = (
  tree: LayerTree,
  content: Extract<Content, { kind: Kind }>,
  pins: DebianPins,
) => Promise<void> | void;

const mode = (octal: string): number => Number.parseInt(octal, 8);

/** How each kind of content of a recipe (src/recipe/recipe.schema.ts) gets into a layer. */
const WRITERS: { [Kind in Content['kind']]: Writer<Kind> } = {
  skeleton: (tree) => {
    writeSkeleton(tree);
  },
  deb: (tree, content, pins) => writeDebianFiles(tree, content, pins),
  'ca-certificates': (tree, _content, pins) => writeCaCertificates(tree, pins),
  node: (tree, content) => {
    writeNode(tree, content.to);
  },
  'fabric-binaries': (tree, content) => {
    writeFabricBinaries(tree, content.names, content.to);
  },
  'fabric-config': (tree, content) => {
    writeFabricConfig(tree, content.role, content.to, content.ccaasBuilder);
  },
  files: (tree, content) => {
    writeRepositoryFiles(tree, content.from, content.to, mode(content.mode));
  },
  symlink: (tree, content) => {
    tree.symlink(content.path, content.target);
  },
  directory: (tree, content) => {
    tree.directory(content.path, mode(content.mode), content.owner);
  },
  'service-bundle': async (tree, content) => {
    const report = await writeServiceBundle(tree, content.service, content.to);
    detail(
      `${content.service}: main.js ${megabytes(report.bundleBytes)}, ${String(report.packages)} packages in node_modules`,
    );
  },
  'node-package': (tree, content) => {
    const packages = writeNodePackage(tree, content.package, content.to);
    detail(`${content.package}: ${String(packages)} packages in node_modules`);
  },
};

function writeContent(tree: LayerTree, content: Content, pins: DebianPins): Promise<void> | void {
  // TypeScript cannot correlate the kind of `content` with the writer looked up by it.
  const writer = WRITERS[content.kind] as Writer<Content['kind']>;
  return writer(tree, content, pins);
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Files and bytes below a folder (symlinks count as files of no size). */
export function treeSize(dir: string): { files: number; bytes: number } {
  const files = walkFiles(dir);
  const bytes = files.reduce((sum, file) => sum + lstatSync(path.join(dir, file)).size, 0);
  return { files: files.length, bytes };
}

export interface LayerRecord {
  recipe: string;
  files: number;
  bytes: number;
}

/** Writes the recipe's layer tree afresh under dist/images/layers/<name> and records it as complete. */
export async function assembleLayer(recipe: Recipe, pins: DebianPins): Promise<LayerRecord> {
  const dir = layerDir(recipe.name);
  rmSync(layerRecordFile(recipe.name), { force: true });
  rmSync(dir, { recursive: true, force: true });
  const tree = new LayerTree(dir);
  for (const content of recipe.contents) {
    await writeContent(tree, content, pins);
  }
  const record: LayerRecord = { recipe: recipe.name, ...treeSize(dir) };
  writeFileSync(layerRecordFile(recipe.name), `${JSON.stringify(record, null, 2)}\n`);
  return record;
}
