import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CHAINCODE_SERVER_ENV, VERSIONS } from '@metrochain/deployment';
import { ImageErrorCode, imageError } from './image-error';
import { pinnedNodeVersion } from './layer/contents/runtime-binaries';
import { NODE_BINARY, REPO_ROOT, layerDir } from './paths';
import { type ImageConfig, LABEL_VARIABLES, type Recipe } from './recipe/recipe.schema';

type LabelVariable = (typeof LABEL_VARIABLES)[number];

/** The workspace package a recipe ships unbundled, as it lies in the recipe's layer tree. */
function shippedPackageDir(recipe: Recipe): string {
  const content = recipe.contents.find((candidate) => candidate.kind === 'node-package');
  if (content === undefined) {
    throw imageError(
      ImageErrorCode.RECIPE_INVALID,
      `${recipe.name}: chaincode labels need a node-package content`,
    );
  }
  return path.join(layerDir(recipe.name), content.to);
}

/**
 * Computed from the image's own files: the fingerprint is what the chaincode bundle in the layer computes over its
 * own bytes at start-up (identity/running-chaincode.ts), the same bundle the local network runs.
 */
const VARIABLES: Readonly<Record<LabelVariable, (recipe: Recipe) => string>> = {
  nodeVersion: () => pinnedNodeVersion(),
  fabricRelease: () => VERSIONS.fabric.release,
  fabricCommit: () => VERSIONS.fabric.commit,
  chaincodeVersion: (recipe) => {
    const manifest = JSON.parse(
      readFileSync(path.join(shippedPackageDir(recipe), 'package.json'), 'utf8'),
    ) as {
      version: string;
    };
    return manifest.version;
  },
  lrFingerprint: (recipe) => {
    const bundle = path.join(shippedPackageDir(recipe), 'bundle', 'index.js');
    const script = `process.stdout.write(require(${JSON.stringify(bundle)}).lr.fingerprint)`;
    return execFileSync(NODE_BINARY, ['-e', script], { encoding: 'utf8' });
  },
};

function substitute(value: string, recipe: Recipe): string {
  return value.replace(/\$\{(\w+)\}/g, (_match, name: string) => {
    const compute = VARIABLES[name as LabelVariable] as ((recipe: Recipe) => string) | undefined;
    if (compute === undefined) {
      throw imageError(ImageErrorCode.RECIPE_INVALID, `${recipe.name}: unknown label variable \${${name}}`);
    }
    return compute(recipe);
  });
}

function rootManifest(): { version: string; license: string } {
  return JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    version: string;
    license: string;
  };
}

/** Every image's tag: the workspace's version. */
export function imageTag(): string {
  return rootManifest().version;
}

export function imageName(recipeName: string): string {
  return `metrochain/${recipeName}`;
}

/** The commit the images are built from, marked -dirty when the work tree has changes. */
export function sourceRevision(): string {
  const git = (args: string[]): string =>
    execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  try {
    return `${git(['rev-parse', 'HEAD'])}${git(['status', '--porcelain']) === '' ? '' : '-dirty'}`;
  } catch {
    return 'unknown';
  }
}

/** The recipe's own labels with variables filled in, plus the OCI annotations every published image carries. */
export function imageLabels(recipe: Recipe, revision: string): Record<string, string> {
  const own = Object.fromEntries(
    Object.entries(recipe.config?.labels ?? {}).map(([name, value]) => [name, substitute(value, recipe)]),
  );
  if (!recipe.publish) return own;
  const { version, license } = rootManifest();
  return {
    'org.opencontainers.image.title': imageName(recipe.name),
    'org.opencontainers.image.description': recipe.description,
    'org.opencontainers.image.version': version,
    'org.opencontainers.image.revision': revision,
    'org.opencontainers.image.licenses': license,
    ...own,
  };
}

const DEPLOYMENT_ENV: Readonly<
  Record<NonNullable<ImageConfig['deploymentEnv']>, Readonly<Record<string, string>>>
> = {
  'chaincode-server': CHAINCODE_SERVER_ENV,
};

/** The recipe's own configuration as buildah sets it: shared environment from @metrochain/deployment merged in. */
export function ownImageConfig(recipe: Recipe): ImageConfig {
  const config = recipe.config ?? {};
  const shared = config.deploymentEnv === undefined ? {} : DEPLOYMENT_ENV[config.deploymentEnv];
  return { ...config, env: { ...shared, ...config.env } };
}

/** The configuration an image ends up with: its chain's configs merged, later layers winning key by key. */
export function effectiveConfig(chain: readonly Recipe[]): ImageConfig {
  return chain.map(ownImageConfig).reduce<ImageConfig>(
    (merged, own) => ({
      ...merged,
      ...own,
      env: { ...merged.env, ...own.env },
      labels: { ...merged.labels, ...own.labels },
    }),
    {},
  );
}
