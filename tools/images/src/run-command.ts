import { spawn } from 'node:child_process';
import { ImageErrorCode, imageError } from './image-error';

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Given to the command's standard input. */
  input?: string;
}

/** Runs a command to completion and resolves to its standard output; a failure carries the output's tail. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    if (options.input !== undefined) {
      child.stdin?.end(options.input);
    }
    child.on('error', (error) => {
      reject(
        imageError(ImageErrorCode.COMMAND_FAILED, `${command} could not start: ${error.message}`, {
          cause: error,
        }),
      );
    });
    child.on('close', (code, signal) => {
      const output = Buffer.concat(stdout).toString('utf8');
      if (code === 0) {
        resolve(output);
        return;
      }
      const errors = Buffer.concat(stderr).toString('utf8');
      const status = signal === null ? `exited with ${String(code)}` : `was killed by ${signal}`;
      reject(
        imageError(
          ImageErrorCode.COMMAND_FAILED,
          `${[command, ...args].join(' ')} ${status}\n${(errors || output).slice(-3000)}`,
          {
            details: { command, args, code, signal },
          },
        ),
      );
    });
  });
}
