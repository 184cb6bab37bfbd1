import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { prefetchDebs } from './debian/debian-cache';
import { type DebianPins, pinnedVersion, readDebianPins } from './debian/debian-pins';
import { imageLabels, imageName, imageTag, ownImageConfig, sourceRevision } from './image-metadata';
import { type LayerRecord, assembleLayer, megabytes } from './layer/assemble-layer';
import { commitLayer, ensureBuildah, pruneDangling, pushToLayout } from './oci/buildah';
import { type ImageSummary, summariseImage, writeImageArchive } from './oci/oci-archive';
import { LAYOUT_DIR, OUTPUT_DIR, REPO_ROOT, SUMMARY_FILE, archiveFile, layerDir } from './paths';
import { detail, elapsedSeconds, progress } from './progress';
import { loadRecipes, selectRecipes } from './recipe/recipes';
import type { Recipe } from './recipe/recipe.schema';

/** The pinned Debian packages the recipes take files from. */
function debianPackagesOf(recipes: readonly Recipe[], pins: DebianPins): { name: string; version: string }[] {
  const names = recipes.flatMap((recipe) =>
    recipe.contents.flatMap((content) => {
      if (content.kind === 'deb') return [content.package];
      return content.kind === 'ca-certificates' ? ['ca-certificates'] : [];
    }),
  );
  return [...new Set(names)].sort().map((name) => ({ name, version: pinnedVersion(pins, name) }));
}

/** Assembles the layer trees of the images asked for (all published ones when none) and what they build on. */
export async function assembleImages(names: readonly string[] = []): Promise<LayerRecord[]> {
  const recipes = selectRecipes(loadRecipes(), names);
  const pins = readDebianPins();
  await prefetchDebs(debianPackagesOf(recipes, pins));
  const records: LayerRecord[] = [];
  for (const recipe of recipes) {
    const started = Date.now();
    const record = await assembleLayer(recipe, pins);
    records.push(record);
    progress(
      `layer ${recipe.name}: ${String(record.files)} files, ${megabytes(record.bytes)} (${elapsedSeconds(started)} s)`,
    );
  }
  return records;
}

export interface BuiltImage extends ImageSummary {
  image: string;
  tag: string;
  archive: string;
  /** Uncompressed size of every layer of the image (its root filesystem). */
  rootfsBytes: number;
}

function localReference(recipeName: string, tag: string): string {
  return `localhost/${imageName(recipeName)}:${tag}`;
}

/**
 * Builds the images asked for (all published ones when none): each recipe's layer assembled, committed by
 * buildah on its parent, published ones exported into the OCI layout dist/images/oci and as
 * dist/images/<name>.oci.tar, a summary in dist/images/images.json.
 */
export async function buildImages(names: readonly string[] = []): Promise<BuiltImage[]> {
  const recipes = selectRecipes(loadRecipes(), names);
  const pins = readDebianPins();
  progress(
    `${await ensureBuildah(pins.buildTools.buildah)}; output in ${path.relative(REPO_ROOT, OUTPUT_DIR)}/`,
  );
  await prefetchDebs(debianPackagesOf(recipes, pins));
  const tag = imageTag();
  const revision = sourceRevision();
  const rootfs = new Map<string, number>();
  const built: BuiltImage[] = [];
  mkdirSync(OUTPUT_DIR, { recursive: true });
  rmSync(LAYOUT_DIR, { recursive: true, force: true });
  for (const recipe of recipes) {
    const started = Date.now();
    const record = await assembleLayer(recipe, pins);
    const rootfsBytes = (recipe.from === undefined ? 0 : (rootfs.get(recipe.from) ?? 0)) + record.bytes;
    rootfs.set(recipe.name, rootfsBytes);
    detail(`layer ${recipe.name}: ${String(record.files)} files, ${megabytes(record.bytes)}; committing`);
    await commitLayer({
      parent: recipe.from === undefined ? undefined : localReference(recipe.from, tag),
      layer: layerDir(recipe.name),
      config: ownImageConfig(recipe),
      labels: imageLabels(recipe, revision),
      reference: localReference(recipe.name, tag),
      comment: `images/${recipe.name}/image.json`,
    });
    if (recipe.publish) {
      built.push(await exportImage(recipe, tag, rootfsBytes));
    }
    progress(
      `${imageName(recipe.name)}:${tag} ${recipe.publish ? 'exported' : 'committed'} (${elapsedSeconds(started)} s)`,
    );
  }
  await pruneDangling();
  writeFileSync(SUMMARY_FILE, `${JSON.stringify({ tag, revision, images: built }, null, 2)}\n`);
  return built;
}

async function exportImage(recipe: Recipe, tag: string, rootfsBytes: number): Promise<BuiltImage> {
  const archive = archiveFile(recipe.name);
  const name = `${imageName(recipe.name)}:${tag}`;
  await pushToLayout(localReference(recipe.name, tag), LAYOUT_DIR, name);
  await writeImageArchive(LAYOUT_DIR, name, archive);
  const summary = summariseImage(LAYOUT_DIR, name);
  detail(
    `${path.relative(REPO_ROOT, archive)}: ${summary.manifestDigest}, ${megabytes(summary.compressedBytes)} compressed, ${megabytes(rootfsBytes)} unpacked`,
  );
  return {
    image: imageName(recipe.name),
    tag,
    archive: path.relative(REPO_ROOT, archive),
    rootfsBytes,
    ...summary,
  };
}
