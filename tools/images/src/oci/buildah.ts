import { ImageErrorCode, imageError } from '../image-error';
import type { ImageConfig } from '../recipe/recipe.schema';
import { progress } from '../progress';
import { runCommand } from '../run-command';

export const PLATFORM = { os: 'linux', arch: 'amd64' } as const;

async function installedVersion(): Promise<string | undefined> {
  try {
    return (await runCommand('buildah', ['--version'])).trim();
  } catch {
    return undefined;
  }
}

/**
 * buildah's version line. As root (which buildah's storage under /var/lib/containers needs anyway) a missing
 * buildah is installed from Debian at the pinned version, as `devnet install` installs redis-server.
 */
export async function ensureBuildah(pinned: string): Promise<string> {
  const installed = await installedVersion();
  if (installed !== undefined) return installed;
  if (process.getuid?.() !== 0) {
    throw imageError(
      ImageErrorCode.BUILDAH_UNAVAILABLE,
      `buildah is not installed: as root, apt-get install buildah=${pinned}`,
    );
  }
  progress(`installing buildah ${pinned} (apt)`);
  await runCommand('apt-get', ['update', '-q']);
  await runCommand('apt-get', ['install', '-y', '-q', `buildah=${pinned}`], {
    env: { DEBIAN_FRONTEND: 'noninteractive' },
  });
  const version = await installedVersion();
  if (version === undefined) throw imageError(ImageErrorCode.BUILDAH_UNAVAILABLE, 'buildah did not install');
  return version;
}

function configArguments(config: ImageConfig, labels: Readonly<Record<string, string>>): string[] {
  const args = ['--os', PLATFORM.os, '--arch', PLATFORM.arch];
  if (config.user !== undefined) args.push('--user', config.user);
  if (config.workdir !== undefined) args.push('--workingdir', config.workdir);
  if (config.entrypoint !== undefined) args.push('--entrypoint', JSON.stringify(config.entrypoint));
  if (config.cmd !== undefined) args.push('--cmd', JSON.stringify(config.cmd));
  for (const [name, value] of Object.entries(config.env ?? {})) args.push('--env', `${name}=${value}`);
  for (const port of config.ports ?? []) args.push('--port', `${String(port)}/tcp`);
  for (const [name, value] of Object.entries(labels)) args.push('--label', `${name}=${value}`);
  return args;
}

export interface CommitRequest {
  /** Local image to build on; none: from scratch. */
  parent?: string | undefined;
  /** The layer tree to add on top, as it must appear in the image. */
  layer: string;
  /** This recipe's own configuration (the parent's is inherited by buildah). */
  config: ImageConfig;
  labels: Readonly<Record<string, string>>;
  /** Name in buildah's local storage, e.g. localhost/metrochain/peer:0.1.0. */
  reference: string;
  comment: string;
}

/**
 * Commits one layer: a working container from the parent (or scratch), the tree copied into its mounted root
 * (ownership, modes and links as assembled), the configuration, then a commit stamped at the epoch so the same
 * inputs give the same image digest.
 */
export async function commitLayer(request: CommitRequest): Promise<void> {
  const container = (
    await runCommand('buildah', ['from', '--pull=never', '--quiet', request.parent ?? 'scratch'])
  ).trim();
  try {
    const mountPoint = (await runCommand('buildah', ['mount', container])).trim();
    await runCommand('cp', ['-a', `${request.layer}/.`, `${mountPoint}/`]);
    await runCommand('buildah', ['umount', container]);
    await runCommand('buildah', [
      'config',
      ...configArguments(request.config, request.labels),
      '--created-by',
      'metrochain images builder (tools/images)',
      '--history-comment',
      request.comment,
      container,
    ]);
    await runCommand('buildah', [
      'commit',
      '--quiet',
      '--timestamp',
      '0',
      '--identity-label=false',
      '--rm',
      container,
      request.reference,
    ]);
  } catch (error) {
    await runCommand('buildah', ['rm', container]).catch(() => undefined);
    throw error;
  }
}

/**
 * Writes a local image into an OCI layout folder under `name` (org.opencontainers.image.ref.name), layers
 * gzip-compressed. Images pushed into one layout share their common layers' blobs, and buildah compresses a layer
 * the layout already holds only once.
 */
export async function pushToLayout(reference: string, layout: string, name: string): Promise<void> {
  await runCommand('buildah', [
    'push',
    '--quiet',
    '--compression-format',
    'gzip',
    reference,
    `oci:${layout}:${name}`,
  ]);
}

/** Drops images left without a name by earlier builds of the same references. */
export async function pruneDangling(): Promise<void> {
  await runCommand('buildah', ['rmi', '--prune']).catch(() => undefined);
}
