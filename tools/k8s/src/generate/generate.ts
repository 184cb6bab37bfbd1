import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { detail, step, warn } from '../log';
import { REPO_ROOT } from '../paths';
import { isUnavailable } from './generator';
import { GENERATORS } from './generators';

function current(file: string): string | undefined {
  const full = path.join(REPO_ROOT, file);
  return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
}

/** Writes every generator's files; with `check`, writes nothing and returns false when one differs. */
export function generate(check: boolean): boolean {
  let upToDate = true;
  for (const generator of GENERATORS) {
    const result = generator.generate();
    if (isUnavailable(result)) {
      warn(`${generator.name}: skipped: ${result.unavailable} (npm run k8s -- install)`);
      continue;
    }
    step(generator.name);
    for (const file of result) {
      if (current(file.path) === file.content) {
        detail(`${file.path}: unchanged`);
      } else if (check) {
        detail(`${file.path}: differs from what generate writes`);
        upToDate = false;
      } else {
        mkdirSync(path.dirname(path.join(REPO_ROOT, file.path)), { recursive: true });
        writeFileSync(path.join(REPO_ROOT, file.path), file.content);
        detail(`${file.path}: written`);
      }
    }
  }
  return upToDate;
}
