import { existsSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { ImageErrorCode, imageError } from '../image-error';
import type { LayerTree } from '../layer/layer-tree';
import { REPO_ROOT } from '../paths';
import { copyPackageClosure } from './package-closure';

/**
 * Loaded from node_modules at run time instead of bundled: @metrochain/messaging patches a kafkajs module it loads
 * by path (kafkajs-idle-loop.ts), and @nestjs/swagger serves the UI's files from swagger-ui-dist's own folder.
 */
export const SHIPPED_EXTERNALS = ['kafkajs', 'swagger-ui-dist'] as const;

/**
 * Modules NestJS and fabric-gateway load only for features the services do not use (other transports, websockets,
 * class-validator pipes, views, HSM signing through the native pkcs11js): left out of the bundle and the image.
 */
export const ABSENT_OPTIONAL_MODULES = [
  '@nestjs/microservices',
  '@nestjs/microservices/*',
  '@nestjs/websockets',
  '@nestjs/websockets/*',
  '@nestjs/platform-express',
  '@fastify/view',
  'class-validator',
  'class-transformer',
  'class-transformer/*',
  'pkcs11js',
] as const;

export interface BundleReport {
  bundleBytes: number;
  packages: number;
}

/**
 * Bundles a service's compiled main.js (tsc already emitted the decorator metadata Nest reads) into one file.
 * Not minified and with names kept: stack traces stay readable and nothing that reads a function's name breaks.
 */
export async function writeServiceBundle(
  tree: LayerTree,
  service: string,
  to: string,
): Promise<BundleReport> {
  const entry = path.join(REPO_ROOT, 'services', service, 'dist', 'main.js');
  if (!existsSync(entry)) {
    throw imageError(ImageErrorCode.INPUT_MISSING, `${entry} is missing: run npm run build`);
  }
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: REPO_ROOT,
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'cjs',
    minify: false,
    keepNames: true,
    sourcemap: false,
    external: [...SHIPPED_EXTERNALS, ...ABSENT_OPTIONAL_MODULES],
    write: false,
    outfile: path.join(REPO_ROOT, 'dist', 'images', 'bundles', service, 'main.js'),
    logLevel: 'warning',
  });
  const output = result.outputFiles[0];
  if (output === undefined) {
    throw imageError(ImageErrorCode.COMMAND_FAILED, `esbuild wrote nothing for ${service}`);
  }
  tree.file(path.posix.join(to, 'main.js'), Buffer.from(output.contents));
  const packages = copyPackageClosure(tree, to, { source: REPO_ROOT, dependencies: SHIPPED_EXTERNALS });
  return { bundleBytes: output.contents.byteLength, packages };
}
