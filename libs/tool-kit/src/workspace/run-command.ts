import { spawn } from 'node:child_process';

export interface CommandOptions {
  readonly cwd?: string;
  /** Set on top of this process's environment. */
  readonly env?: NodeJS.ProcessEnv;
  /** Written to the command's standard input (without it, standard input is closed). */
  readonly input?: string;
  /** Also stream the command's output to this process's stdout and stderr as it comes (for long installs). */
  readonly echo?: boolean;
}

export interface CommandResult {
  /** The exit code; null when a signal ended the command. */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** How much of a failed command's output its error message keeps (the end, where the reason usually is). */
const OUTPUT_TAIL = 4000;

function failure(line: string, result: CommandResult | undefined, cause: unknown): string {
  if (result === undefined) {
    return `${line} could not start: ${cause instanceof Error ? cause.message : String(cause)}`;
  }
  const status =
    result.signal === null ? `exited with ${String(result.code)}` : `was killed by ${result.signal}`;
  return `${line} ${status}\n${(result.stdout + result.stderr).slice(-OUTPUT_TAIL)}`;
}

/** A command that could not start (no result) or did not exit with 0; the message ends with the output's tail. */
export class CommandError extends Error {
  constructor(
    readonly command: string,
    readonly args: readonly string[],
    readonly result: CommandResult | undefined,
    options?: ErrorOptions,
  ) {
    super(failure([command, ...args].join(' '), result, options?.cause), options);
    this.name = 'CommandError';
  }
}

/**
 * Runs a command to completion and resolves to its exit status and both outputs, whatever the status; rejects with a
 * CommandError only when it cannot start (e.g. not installed).
 */
export function spawnCommand(
  command: string,
  args: readonly string[],
  options: CommandOptions = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const collect = (chunks: Buffer[], echo: NodeJS.WriteStream) => (chunk: Buffer) => {
      chunks.push(chunk);
      if (options.echo === true) echo.write(chunk);
    };
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout?.on('data', collect(stdout, process.stdout));
    child.stderr?.on('data', collect(stderr, process.stderr));
    // A command that exits without reading its input breaks the pipe; its exit status says what happened.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.input);
    child.on('error', (error) => {
      reject(new CommandError(command, args, undefined, { cause: error }));
    });
    child.on('close', (code, signal) => {
      resolve({
        code,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}

/** Runs a command and resolves to its standard output; rejects with a CommandError unless it exits with 0. */
export async function commandOutput(
  command: string,
  args: readonly string[],
  options: CommandOptions = {},
): Promise<string> {
  const result = await spawnCommand(command, args, options);
  if (result.code !== 0) {
    throw new CommandError(command, args, result);
  }
  return result.stdout;
}
