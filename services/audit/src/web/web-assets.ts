import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** The strict policy of every page: own scripts, styles and API only; images from the page (QR uploads). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

export interface WebAsset {
  body: Buffer;
  type: string;
}

/** The built web app, read once into memory (a few hundred KB): pages by name, assets by file name. */
export class WebAssets {
  readonly #files = new Map<string, WebAsset>();

  constructor(dir: string) {
    for (const name of safeList(dir)) {
      const type = TYPES[path.extname(name)];
      if (type !== undefined) {
        this.#files.set(name, { body: readFileSync(path.join(dir, name)), type });
      }
    }
  }

  get(name: string): WebAsset | undefined {
    return this.#files.get(name);
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
