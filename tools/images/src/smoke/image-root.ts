import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assembleImages } from '../build-images';
import { effectiveConfig } from '../image-metadata';
import { layerDir, layerRecordFile } from '../paths';
import { loadRecipes, recipeChain } from '../recipe/recipes';

/*
 * Runs inside a private mount namespace, so every mount disappears with the process: the image's layers as one
 * overlay (its upper layer a tmpfs, only to create mount points, then the whole root read-only), /proc, a tmpfs
 * /tmp (the emptyDir of a pod with readOnlyRootFilesystem), the four /dev nodes Node and Go read, and host folders
 * or files bound read-only where the image expects them (like a pod's Secret and ConfigMap volumes). Then the
 * command replaces the shell. Arguments: root scratch lowerdirs binds ("target<TAB>source" lines) command…
 */
const MOUNT_SCRIPT = `set -eu
root=$1 scratch=$2 lower=$3 binds=$4
shift 4
mount -t tmpfs -o mode=0755 image-scratch "$scratch"
mkdir "$scratch/upper" "$scratch/work"
mount -t overlay overlay -o "lowerdir=$lower,upperdir=$scratch/upper,workdir=$scratch/work" "$root"
mount -t proc proc "$root/proc"
mount -t tmpfs -o mode=1777 image-tmp "$root/tmp"
mount -t tmpfs -o mode=0755 image-dev "$root/dev"
for node in null zero random urandom; do
  touch "$root/dev/$node"
  mount --bind "/dev/$node" "$root/dev/$node"
done
printf '%s\n' "$binds" | while IFS="$(printf '\t')" read -r target source; do
  [ -n "$target" ] || continue
  if [ -d "$source" ]; then mkdir -p "$root$target"; else mkdir -p "$root$(dirname "$target")"; touch "$root$target"; fi
  mount --bind "$source" "$root$target"
  mount -o remount,bind,ro "$root$target"
done
mount -o remount,ro "$root"
exec "$@"
`;

/** "target<TAB>source" lines for the mount script; paths with tabs or newlines cannot be passed that way. */
function bindLines(binds: Readonly<Record<string, string>>): string {
  return Object.entries(binds)
    .map(([target, source]) => {
      if (!target.startsWith('/') || /[\t\n]/.test(target + source)) {
        throw new Error(`cannot bind ${JSON.stringify(source)} at ${JSON.stringify(target)}`);
      }
      return `${target}\t${path.resolve(source)}`;
    })
    .join('\n');
}

export interface ImageRootOptions {
  /** Variables added to (or replacing) the image's own environment. */
  env?: Readonly<Record<string, string>>;
  /** Host files or folders made visible read-only inside the image: image path → host path. */
  binds?: Readonly<Record<string, string>>;
  /** A network namespace of its own (no network at all); by default the host's, to reach the local network. */
  isolateNetwork?: boolean;
}

/** Assembles the layer trees of an image that are not there yet (a build or an earlier run leaves them). */
export async function ensureImageLayers(image: string): Promise<void> {
  const missing = recipeChain(loadRecipes(), image).filter(
    (recipe) => !existsSync(layerRecordFile(recipe.name)),
  );
  if (missing.length > 0) {
    await assembleImages([image]);
  }
}

/**
 * Starts `argv` in the root filesystem an image's layers make, as the image's user (65532), with the image's
 * environment: how these machines, which cannot run containers, run an image. Needs root (mount, chroot).
 */
export function spawnInImage(
  image: string,
  argv: readonly string[],
  options: ImageRootOptions = {},
): ChildProcess {
  const chain = recipeChain(loadRecipes(), image);
  const config = effectiveConfig(chain);
  const work = mkdtempSync(path.join(os.tmpdir(), `metrochain-image-${image}-`));
  const [root, scratch] = [path.join(work, 'root'), path.join(work, 'scratch')];
  mkdirSync(root);
  mkdirSync(scratch);
  const lower = chain
    .map((recipe) => layerDir(recipe.name))
    .reverse()
    .join(':');
  const env = Object.entries({ ...config.env, ...options.env }).map(([name, value]) => `${name}=${value}`);
  const child = spawn(
    'unshare',
    [
      '--mount',
      '--propagation',
      'private',
      ...(options.isolateNetwork === true ? ['--net'] : []),
      '/bin/sh',
      '-c',
      MOUNT_SCRIPT,
      'image-root',
      root,
      scratch,
      lower,
      bindLines(options.binds ?? {}),
      '/usr/bin/env',
      '-i',
      ...env,
      '/usr/sbin/chroot',
      `--userspec=${config.user ?? '65532:65532'}`,
      root,
      ...argv,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // The mounts died with the namespace; only the empty mount points remain on the host.
  child.on('close', () => {
    for (const dir of [root, scratch, work]) rmdirSync(dir);
  });
  return child;
}

export interface ImageRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `argv` in the image to completion (killed after `timeoutMs`). */
export function runInImage(
  image: string,
  argv: readonly string[],
  options: ImageRootOptions & { timeoutMs?: number } = {},
): Promise<ImageRun> {
  return new Promise((resolve, reject) => {
    const child = spawnInImage(image, argv, options);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        code,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}
