// Runs node's test runner over compiled tests and prints one summary line for CI.
// unit: every dist/**/*.spec.js beside the code; integration: tests/integration/dist/**/*.test.js.
import { spawnSync } from 'node:child_process';
import { globSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const kind = process.argv[2] ?? 'unit';
const patterns =
  kind === 'integration'
    ? ['tests/integration/dist/**/*.test.js']
    : [
        'libs/*/dist/**/*.spec.js',
        'services/*/dist/**/*.spec.js',
        'chaincode/dist/**/*.spec.js',
        'devnet/dist/**/*.spec.js',
        'tools/*/dist/**/*.spec.js',
        'bench/dist/**/*.spec.js',
      ];
const files = patterns.flatMap((pattern) => globSync(pattern)).sort();
if (files.length === 0) {
  console.error(`no ${kind} test files found: run the build first`);
  process.exit(1);
}
// Outside .devnet: `devnet up` wipes that folder.
mkdirSync('test-results', { recursive: true });
const tapFile = path.join('test-results', `${kind}.tap`);
const args = [
  '--enable-source-maps',
  '--test',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  '--test-reporter=tap',
  `--test-reporter-destination=${tapFile}`,
  ...(kind === 'integration' ? ['--test-concurrency=1', '--test-timeout=600000'] : []),
  ...files,
];
const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
const tap = readFileSync(tapFile, 'utf8');
const count = (label) => Number(tap.match(new RegExp(`^# ${label} (\\d+)$`, 'm'))?.[1] ?? 0);
// A test cancelled because its suite's hook failed is a failure too (as in scripts/summarise-tests.mjs).
console.log(
  `${kind}: ${count('pass')} passed, ${count('fail') + count('cancelled')} failed, ${count('skipped')} skipped`,
);
process.exit(result.status ?? 1);
