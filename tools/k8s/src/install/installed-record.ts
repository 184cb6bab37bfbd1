import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cachePaths } from '../paths';

/** The cache's record of what it holds: part name → the version installed. */
type Record = Partial<{ [part: string]: string }>;

function read(): Record {
  return existsSync(cachePaths.installed)
    ? (JSON.parse(readFileSync(cachePaths.installed, 'utf8')) as Record)
    : {};
}

export function installedVersion(part: string): string | undefined {
  return read()[part];
}

export function recordInstalled(part: string, version: string): void {
  const record = { ...read(), [part]: version };
  mkdirSync(path.dirname(cachePaths.installed), { recursive: true });
  writeFileSync(cachePaths.installed, `${JSON.stringify(record, null, 2)}\n`);
}
