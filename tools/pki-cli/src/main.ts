#!/usr/bin/env node
import { buffer } from 'node:stream/consumers';
import { decodeUtf8 } from '@metrochain/tool-kit';
import { runCli } from './cli';

// npm runs scripts in the workspace root; file options given to `npm run pki --` mean the shell's folder.
const shellFolder = process.env['INIT_CWD'];
if (process.env['npm_lifecycle_event'] === 'pki' && shellFolder !== undefined) {
  process.chdir(shellFolder);
}

// exitCode rather than exit(): stdout may be a pipe (jq) that has not drained yet.
void runCli(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => decodeUtf8(await buffer(process.stdin), 'standard input'),
}).then((code) => {
  process.exitCode = code;
});
