// Adds up node:test TAP summaries into the one line CI reads: "N passed, N failed, N skipped".
// Above it, a short digest of each failed test (where, and its error), because a clean clone's CI keeps only the end
// of the output: the spec reporter's details scroll away above the network and fault logs.
import { existsSync, readFileSync } from 'node:fs';

/** Lines of error text shown per failed test, and in all. */
const LINES_PER_FAILURE = 30;
const LINES_IN_ALL = 90;

/**
 * The failed tests of a node:test TAP file (not the suites that failed only because a test in them did), each with
 * its location and the text of its error. TAP's YAML blocks are read line by line: the reporter writes them in one
 * fixed shape (`error: |-` with an indented body, or `error: '…'` on one line).
 */
function failuresOf(tap) {
  const lines = tap.split('\n');
  const failures = [];
  for (let i = 0; i < lines.length; i += 1) {
    const head = /^(\s*)not ok \d+ - (.*)$/.exec(lines[i]);
    if (head === null) {
      continue;
    }
    const indent = `${head[1]}  `;
    const block = [];
    for (i += 1; i < lines.length && lines[i] !== `${indent}...`; i += 1) {
      block.push(lines[i].slice(indent.length));
    }
    if (block.includes("failureType: 'subtestsFailed'")) {
      continue;
    }
    const field = (name) => block.find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2);
    const errorAt = block.findIndex((line) => line.startsWith('error: '));
    let error = [];
    if (errorAt >= 0 && block[errorAt] === 'error: |-') {
      for (let j = errorAt + 1; j < block.length && (block[j].startsWith('  ') || block[j] === ''); j += 1) {
        error.push(block[j].slice(2));
      }
    } else if (errorAt >= 0) {
      error = [block[errorAt].slice('error: '.length)];
    }
    failures.push({ name: head[2], location: field('location') ?? '?', error });
  }
  return failures;
}

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    failed += 1;
    console.error(`missing test results: ${file}`);
    continue;
  }
  const tap = readFileSync(file, 'utf8');
  const count = (label) => Number(tap.match(new RegExp(`^# ${label} (\\d+)$`, 'm'))?.[1] ?? 0);
  passed += count('pass');
  failed += count('fail') + count('cancelled');
  skipped += count('skipped') + count('todo');
  failures.push(...failuresOf(tap));
}
if (failures.length > 0) {
  console.log(`failed tests (${String(failures.length)}):`);
  const budget = Math.max(3, Math.floor(LINES_IN_ALL / failures.length));
  for (const failure of failures) {
    console.log(`- ${failure.name}  (${failure.location})`);
    const text = failure.error.filter((line) => line.trim() !== '');
    const shown = text.slice(0, Math.min(LINES_PER_FAILURE, budget));
    for (const line of shown) {
      console.log(`    ${line}`);
    }
    if (shown.length < text.length) {
      console.log(`    … ${String(text.length - shown.length)} more line(s) in the TAP file`);
    }
  }
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
