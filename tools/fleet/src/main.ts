#!/usr/bin/env node
import { runCli } from './cli/cli';

// npm runs scripts in the workspace root; paths given to `npm run fleet --` mean the shell's folder.
const shellFolder = process.env['INIT_CWD'];
if (process.env['npm_lifecycle_event'] === 'fleet' && shellFolder !== undefined) {
  process.chdir(shellFolder);
}

const interrupt = new AbortController();
let interrupts = 0;
const onSignal = (): void => {
  interrupts += 1;
  if (interrupts > 1) {
    process.stderr.write('stopped at once; unacknowledged readings stay pending in the state folder\n');
    process.exit(130);
  }
  process.stderr.write('stopping the fleet (again to quit at once)\n');
  interrupt.abort();
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

// exitCode rather than exit(): stdout may be a pipe (jq) that has not drained yet.
void runCli(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: process.stdout.isTTY,
  interrupt: interrupt.signal,
}).then((code) => {
  process.exitCode = code;
});
