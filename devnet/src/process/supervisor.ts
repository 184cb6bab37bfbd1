import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type { StatePaths } from '../paths';

export interface ProcessSpec {
  /** Unique name; the pid file and the log file are named after it. */
  name: string;
  kind: 'orderer' | 'peer' | 'chaincode' | 'kafka' | 'redis' | 'service' | 'fleet';
  command: string;
  args: readonly string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** How to tell it is healthy; checked by `up` and `status`. */
  health: HealthProbe;
}

export type HealthProbe =
  { type: 'tcp'; host: string; port: number } | { type: 'http'; url: string; expectStatus?: number };

interface ProcessRecord {
  name: string;
  kind: ProcessSpec['kind'];
  pid: number;
  health: HealthProbe;
  command: string;
  args: readonly string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  startedAt: string;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts processes detached from the CLI, logs to `logs/<name>.log`, records PIDs in `run/<name>.json`. */
export class Supervisor {
  readonly #paths: StatePaths;

  constructor(paths: StatePaths) {
    this.#paths = paths;
  }

  logFile(name: string): string {
    return path.join(this.#paths.logs, `${name}.log`);
  }

  start(spec: ProcessSpec): number {
    mkdirSync(this.#paths.logs, { recursive: true });
    mkdirSync(this.#paths.run, { recursive: true });
    const log = openSync(this.logFile(spec.name), 'a');
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: { ...process.env, ...spec.env },
      detached: true,
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    if (child.pid === undefined) {
      throw new Error(`could not start ${spec.name}`);
    }
    child.unref();
    const record: ProcessRecord = { ...spec, pid: child.pid, startedAt: new Date().toISOString() };
    writeFileSync(this.#recordFile(spec.name), `${JSON.stringify(record, null, 2)}\n`);
    return child.pid;
  }

  /** Starts a recorded process again with the command it was started with (used after a crash test). */
  restart(name: string): number {
    const record = this.record(name);
    if (record === undefined) {
      throw new Error(`no process named ${name}`);
    }
    this.stop(name, 'SIGTERM');
    return this.start(record);
  }

  records(): ProcessRecord[] {
    if (!existsSync(this.#paths.run)) {
      return [];
    }
    return readdirSync(this.#paths.run)
      .filter((file) => file.endsWith('.json') && file !== 'topology.json')
      .map((file) => JSON.parse(readFileSync(path.join(this.#paths.run, file), 'utf8')) as ProcessRecord)
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  }

  record(name: string): ProcessRecord | undefined {
    const file = this.#recordFile(name);
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ProcessRecord) : undefined;
  }

  /** Signals the whole process group (so children of a process go too) and forgets the record. */
  stop(name: string, signal: NodeJS.Signals = 'SIGTERM'): void {
    const record = this.record(name);
    if (record === undefined) {
      return;
    }
    for (const target of [-record.pid, record.pid]) {
      try {
        process.kill(target, signal);
      } catch {
        // already gone
      }
    }
    rmSync(this.#recordFile(name), { force: true });
  }

  #recordFile(name: string): string {
    return path.join(this.#paths.run, `${name}.json`);
  }
}
