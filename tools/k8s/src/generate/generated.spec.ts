import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../paths';
import { inCi } from '../validate/tools';
import { isUnavailable } from './generator';
import { GENERATORS } from './generators';

// A committed generated file that differs from its source's output has drifted: run `npm run k8s -- generate`.
for (const generator of GENERATORS) {
  test(`${generator.name}: the committed files are what npm run k8s -- generate writes`, (t) => {
    const result = generator.generate();
    if (isUnavailable(result)) {
      assert.ok(!inCi(), `${result.unavailable}: run npm run k8s -- install`);
      t.skip(`${result.unavailable}: run npm run k8s -- install`);
      return;
    }
    assert.ok(result.length > 0);
    for (const file of result) {
      const full = path.join(REPO_ROOT, file.path);
      assert.ok(existsSync(full), `${file.path} is missing: run npm run k8s -- generate`);
      assert.equal(
        readFileSync(full, 'utf8'),
        file.content,
        `${file.path} is stale: run npm run k8s -- generate`,
      );
    }
  });
}
