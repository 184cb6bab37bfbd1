import { readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Files and symbolic links below `dir` as sorted `/`-separated relative paths. Links to folders are listed, never
 * followed (readdirSync's recursive mode follows them, which lists a merged-/usr root twice).
 */
export function walkFiles(dir: string): string[] {
  const found: string[] = [];
  const visit = (relative: string): void => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) visit(child);
      else if (entry.isFile() || entry.isSymbolicLink()) found.push(child);
    }
  };
  visit('');
  return found.sort();
}
