import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ImageErrorCode, imageError } from '../image-error';
import { debCache } from '../paths';
import { detail } from '../progress';
import { runCommand } from '../run-command';

/** A pinned package in the local cache: its .deb, the tree it unpacks to, its control record. */
export interface CachedDeb {
  name: string;
  version: string;
  file: string;
  root: string;
}

/** apt names a downloaded file name_version_arch.deb with the epoch's colon written %3a. */
function fileStem(name: string, version: string): string {
  return `${name}_${version.replace(/:/g, '%3a')}_`;
}

function findDownloaded(name: string, version: string): string | undefined {
  const stem = fileStem(name, version);
  const match = readdirSync(debCache.downloads).find(
    (file) => file.startsWith(stem) && file.endsWith('.deb'),
  );
  return match === undefined ? undefined : path.join(debCache.downloads, match);
}

async function download(name: string, version: string): Promise<string> {
  detail(`apt-get download ${name}=${version}`);
  try {
    // As root, apt would hand the download to its _apt user, who cannot write into a home folder.
    await runCommand('apt-get', ['download', '-q', '-o', 'APT::Sandbox::User=root', `${name}=${version}`], {
      cwd: debCache.downloads,
    });
  } catch (error) {
    throw imageError(
      ImageErrorCode.DEB_UNAVAILABLE,
      `apt could not download ${name}=${version}; run apt-get update, or pin the version apt-cache policy offers (node tools/images/dist/main.js pins)`,
      { cause: error },
    );
  }
  const file = findDownloaded(name, version);
  if (file === undefined) {
    throw imageError(
      ImageErrorCode.DEB_UNAVAILABLE,
      `apt-get download left no ${fileStem(name, version)}*.deb`,
    );
  }
  return file;
}

/** Downloads, in one apt call, the pinned packages not yet in the cache (a cold build then waits for apt once). */
export async function prefetchDebs(wanted: readonly { name: string; version: string }[]): Promise<void> {
  mkdirSync(debCache.downloads, { recursive: true });
  const missing = wanted.filter(({ name, version }) => findDownloaded(name, version) === undefined);
  if (missing.length === 0) return;
  detail(`apt-get download ${missing.map(({ name, version }) => `${name}=${version}`).join(' ')}`);
  await runCommand(
    'apt-get',
    [
      'download',
      '-q',
      '-o',
      'APT::Sandbox::User=root',
      ...missing.map(({ name, version }) => `${name}=${version}`),
    ],
    {
      cwd: debCache.downloads,
    },
  ).catch((error: unknown) => {
    throw imageError(
      ImageErrorCode.DEB_UNAVAILABLE,
      'apt could not download the pinned packages; run apt-get update, or compare the pins with apt (node tools/images/dist/main.js pins)',
      { cause: error },
    );
  });
}

/** Downloads (once) and unpacks (once) a pinned package under ~/.cache/metrochain/images/debs. */
export async function cachedDeb(name: string, version: string): Promise<CachedDeb> {
  mkdirSync(debCache.downloads, { recursive: true });
  mkdirSync(debCache.extracted, { recursive: true });
  const file = findDownloaded(name, version) ?? (await download(name, version));
  const root = path.join(debCache.extracted, path.basename(file, '.deb'));
  if (!existsSync(root)) {
    const partial = `${root}.partial`;
    rmSync(partial, { recursive: true, force: true });
    await runCommand('dpkg-deb', ['-x', file, partial]);
    renameSync(partial, root);
  }
  return { name, version, file, root };
}

/** The package's control fields (Package, Version, Architecture, Source…), as dpkg records an installed package. */
export async function controlRecord(deb: CachedDeb): Promise<string> {
  const fields = await runCommand('dpkg-deb', ['--field', deb.file]);
  return `${fields.trimEnd()}\nStatus: install ok installed\n`;
}
