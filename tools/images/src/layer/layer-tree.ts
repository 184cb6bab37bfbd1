import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { ImageErrorCode, imageError } from '../image-error';

/** Links the skeleton lays down (merged /usr, as on Debian 12): upper layers must write below /usr instead. */
export const MERGED_USR_LINKS: Readonly<Record<string, string>> = {
  '/bin': 'usr/bin',
  '/sbin': 'usr/sbin',
  '/lib': 'usr/lib',
  '/lib64': 'usr/lib64',
};

export type Owner = '0:0' | '65532:65532';

function ids(owner: Owner): [number, number] {
  return owner === '0:0' ? [0, 0] : [65532, 65532];
}

/**
 * One layer's files on the host, written the way they must appear in the image: owned by root unless stated,
 * explicit modes, parents 0755. Two contents writing one path must agree byte for byte, so recipes cannot
 * silently override each other.
 */
export class LayerTree {
  readonly root: string;

  constructor(root: string) {
    this.root = root;
    mkdirSync(root, { recursive: true, mode: 0o755 });
  }

  hostPath(imagePath: string): string {
    const normalised = path.posix.normalize(imagePath);
    if (!normalised.startsWith('/') || normalised.includes('\0')) {
      throw imageError(ImageErrorCode.LAYER_CONFLICT, `not an absolute image path: ${imagePath}`);
    }
    const top = `/${normalised.split('/')[1] ?? ''}`;
    if (top in MERGED_USR_LINKS && normalised !== top) {
      throw imageError(
        ImageErrorCode.LAYER_CONFLICT,
        `${imagePath} lies under the link ${top}: write below /usr`,
      );
    }
    return path.join(this.root, normalised);
  }

  directory(imagePath: string, mode = 0o755, owner: Owner = '0:0'): void {
    const target = this.hostPath(imagePath);
    this.#parents(target);
    if (!existsSync(target)) mkdirSync(target);
    chmodSync(target, mode);
    chownSync(target, ...ids(owner));
  }

  file(imagePath: string, content: string | Buffer, mode = 0o644): void {
    const target = this.hostPath(imagePath);
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    if (this.#sameFile(target, bytes, imagePath)) return;
    this.#parents(target);
    writeFileSync(target, bytes, { mode });
    chmodSync(target, mode);
  }

  copy(imagePath: string, source: string, mode: number): void {
    const target = this.hostPath(imagePath);
    if (existsSync(target)) {
      this.file(imagePath, readFileSync(source), mode);
      return;
    }
    this.#parents(target);
    copyFileSync(source, target);
    chmodSync(target, mode);
  }

  symlink(imagePath: string, linkTarget: string): void {
    const target = this.hostPath(imagePath);
    const existing = lstatSync(target, { throwIfNoEntry: false });
    if (existing !== undefined) {
      if (existing.isSymbolicLink() && readlinkSync(target) === linkTarget) return;
      throw imageError(
        ImageErrorCode.LAYER_CONFLICT,
        `${imagePath} is written twice (link to ${linkTarget})`,
      );
    }
    this.#parents(target);
    symlinkSync(linkTarget, target);
  }

  #sameFile(target: string, bytes: Buffer, imagePath: string): boolean {
    const existing = lstatSync(target, { throwIfNoEntry: false });
    if (existing === undefined) return false;
    if (existing.isFile() && readFileSync(target).equals(bytes)) return true;
    throw imageError(ImageErrorCode.LAYER_CONFLICT, `${imagePath} is written twice with different content`);
  }

  #parents(target: string): void {
    const missing: string[] = [];
    for (let dir = path.dirname(target); dir !== this.root && !existsSync(dir); dir = path.dirname(dir)) {
      missing.unshift(dir);
    }
    for (const dir of missing) {
      mkdirSync(dir, { mode: 0o755 });
      chmodSync(dir, 0o755);
    }
  }
}
