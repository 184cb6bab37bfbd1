#!/usr/bin/env node
import { type CliCommand, type CliProgram, ExitCode, runProgram, usageError } from '@metrochain/tool-kit';
import { assembleImages, buildImages } from './build-images';
import { readDebianPins } from './debian/debian-pins';
import { comparePins, writePins } from './debian/pin-check';
import { megabytes } from './layer/assemble-layer';
import { elapsedSeconds, progress } from './progress';
import { loadRecipes } from './recipe/recipes';

type Context = undefined;

function imageNames(argv: readonly string[]): string[] {
  const known = new Set(loadRecipes().map((recipe) => recipe.name));
  const unknown = argv.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw usageError(`unknown image ${unknown.join(', ')}; known: ${[...known].join(', ')}`);
  }
  return [...argv];
}

const build: CliCommand<Context> = {
  name: 'build',
  summary: 'assemble, commit (buildah) and export the images to dist/images/<name>.oci.tar',
  usage: 'metrochain-images build [image…]   (all published images when none is named)',
  run: async (argv) => {
    const started = Date.now();
    const images = await buildImages(imageNames(argv));
    for (const image of images) {
      progress(
        `${image.image}:${image.tag}  ${image.manifestDigest}  ${megabytes(image.compressedBytes)} compressed  ${megabytes(image.rootfsBytes)} unpacked`,
      );
    }
    progress(
      `${String(images.length)} images built in ${elapsedSeconds(started)} s; summary in dist/images/images.json`,
    );
    return ExitCode.OK;
  },
};

const assemble: CliCommand<Context> = {
  name: 'assemble',
  summary: 'write the layer trees only (dist/images/layers/<name>), no buildah needed',
  usage: 'metrochain-images assemble [image…]',
  run: async (argv) => {
    const started = Date.now();
    const records = await assembleImages(imageNames(argv));
    progress(`${String(records.length)} layers assembled in ${elapsedSeconds(started)} s`);
    return ExitCode.OK;
  },
};

const list: CliCommand<Context> = {
  name: 'list',
  summary: 'the recipes under images/, parents first',
  usage: 'metrochain-images list',
  run: () => {
    for (const recipe of loadRecipes()) {
      process.stdout.write(
        `${recipe.name.padEnd(14)}${(recipe.from ?? 'scratch').padEnd(10)}${recipe.publish ? 'published' : 'layer only'}  ${recipe.description}\n`,
      );
    }
    return Promise.resolve(ExitCode.OK);
  },
};

const pins: CliCommand<Context> = {
  name: 'pins',
  summary: 'compare images/debian-packages.json with what apt offers now (--write moves the pins)',
  usage: 'metrochain-images pins [--write]   (run apt-get update first)',
  run: async (argv) => {
    const current = readDebianPins();
    const rows = await comparePins(current);
    for (const row of rows) {
      process.stdout.write(
        `${row.name.padEnd(18)}${row.pinned.padEnd(24)}${row.candidate}${row.pinned === row.candidate ? '' : '   <- differs'}\n`,
      );
    }
    if (argv.includes('--write')) writePins(current, rows);
    return rows.every((row) => row.pinned === row.candidate) ? ExitCode.OK : ExitCode.FAILED;
  },
};

const program: CliProgram<Context> = {
  name: 'metrochain-images',
  commands: [build, assemble, list, pins],
  footer:
    'Recipes: images/<name>/image.json. Needs npm run build and node devnet/dist/cli.js install first; build needs buildah.',
};

void runProgram(
  program,
  process.argv.slice(2),
  { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) },
  undefined,
).then((code) => {
  process.exitCode = code;
});
