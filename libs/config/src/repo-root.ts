import { existsSync } from 'node:fs';
import path from 'node:path';

/** The nearest folder at or above `startDir` that holds `nx.json`, i.e. the workspace root. */
export function findRepoRoot(startDir: string): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    if (existsSync(path.join(dir, 'nx.json'))) {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      return undefined;
    }
    dir = parent;
  }
}
