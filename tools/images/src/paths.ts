import os from 'node:os';
import path from 'node:path';
import { findRepoRoot } from '@metrochain/config';
import { VERSIONS } from '@metrochain/deployment';

function repoRoot(): string {
  const root = findRepoRoot(__dirname);
  if (root === undefined) {
    throw new Error(`no workspace root (nx.json) above ${__dirname}`);
  }
  return root;
}

export const REPO_ROOT = repoRoot();

/** One folder per image: its recipe (image.json) and any file only that image ships. */
export const RECIPES_DIR = path.join(REPO_ROOT, 'images');
export const DEBIAN_PINS_FILE = path.join(RECIPES_DIR, 'debian-packages.json');

/** Build output (gitignored): one layer tree per recipe, one OCI archive per published image, a summary. */
export const OUTPUT_DIR = path.join(REPO_ROOT, 'dist', 'images');
export const LAYERS_DIR = path.join(OUTPUT_DIR, 'layers');
export const SUMMARY_FILE = path.join(OUTPUT_DIR, 'images.json');

export function layerDir(recipe: string): string {
  return path.join(LAYERS_DIR, recipe);
}

/** Written next to a layer tree once it is complete, so a half-written tree is never taken for a layer. */
export function layerRecordFile(recipe: string): string {
  return path.join(LAYERS_DIR, `${recipe}.json`);
}

/** One OCI layout with every published image (shared layers stored once): push from here with skopeo. */
export const LAYOUT_DIR = path.join(OUTPUT_DIR, 'oci');

export function archiveFile(recipe: string): string {
  return path.join(OUTPUT_DIR, `${recipe}.oci.tar`);
}

/** The machine-wide cache the devnet uses too (downloads and builds keyed by version). */
export const CACHE_DIR =
  process.env['METROCHAIN_CACHE_DIR'] ?? path.join(os.homedir(), '.cache', 'metrochain');

export const debCache = {
  downloads: path.join(CACHE_DIR, 'images', 'debs'),
  extracted: path.join(CACHE_DIR, 'images', 'debs', 'extracted'),
};

/** Where `devnet install` builds Fabric's binaries and keeps its sample configs (same layout as devnet/src/paths.ts). */
export const fabricCache = {
  bin: path.join(CACHE_DIR, `fabric-${VERSIONS.fabric.release}`, 'bin'),
  config: path.join(CACHE_DIR, `fabric-${VERSIONS.fabric.release}`, 'config'),
};

/** The Node 24 binary of the workspace's pinned `node` package: the one every npm script runs on. */
export const NODE_BINARY = path.join(REPO_ROOT, 'node_modules', 'node', 'bin', 'node');
