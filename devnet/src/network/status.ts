import { existsSync } from 'node:fs';
import { statePaths } from '../paths';
import { probe } from '../process/health';
import { isAlive, Supervisor } from '../process/supervisor';
import { registrationEntries, registrationLines } from './registration-status';

const NAME_WIDTH = 30;

export interface ProcessStatus {
  name: string;
  kind: string;
  pid: number;
  alive: boolean;
  healthy: boolean;
  rssMiB: number | undefined;
}

async function rssMiB(pid: number): Promise<number | undefined> {
  try {
    const { readFile } = await import('node:fs/promises');
    const status = await readFile(`/proc/${String(pid)}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb === undefined ? undefined : Math.round(Number(kb) / 1024);
  } catch {
    return undefined;
  }
}

export async function collectStatus(): Promise<ProcessStatus[]> {
  const supervisor = new Supervisor(statePaths());
  return Promise.all(
    supervisor.records().map(async (record) => {
      const alive = isAlive(record.pid);
      return {
        name: record.name,
        kind: record.kind,
        pid: record.pid,
        alive,
        healthy: alive && (await probe(record.health)),
        rssMiB: alive ? await rssMiB(record.pid) : undefined,
      };
    }),
  );
}

function stateOf(row: ProcessStatus): string {
  return !row.alive ? 'DEAD' : row.healthy ? 'healthy' : 'UNHEALTHY';
}

/** Prints one row a process, then the registration instance of each NMI; resolves false when any process is down or unhealthy. */
export async function printStatus(): Promise<boolean> {
  const rows = await collectStatus();
  if (rows.length === 0) {
    process.stdout.write('no network processes recorded (run `up`)\n');
    return false;
  }
  process.stdout.write(
    `${'process'.padEnd(NAME_WIDTH)}${'kind'.padEnd(11)}${'pid'.padEnd(9)}${'state'.padEnd(11)}rss\n`,
  );
  for (const row of rows) {
    const rss = row.rssMiB === undefined ? '-' : `${String(row.rssMiB)} MiB`;
    process.stdout.write(
      `${row.name.padEnd(NAME_WIDTH)}${row.kind.padEnd(11)}${String(row.pid).padEnd(9)}${stateOf(row).padEnd(11)}${rss}\n`,
    );
  }
  const total = rows.reduce((sum, row) => sum + (row.rssMiB ?? 0), 0);
  process.stdout.write(`total RSS ${String(total)} MiB over ${String(rows.length)} processes\n`);
  const byName = new Map(rows.map((row) => [row.name, row]));
  const lines = registrationLines(registrationEntries(statePaths().networkFile), (name) => {
    const row = byName.get(name);
    return row === undefined ? 'not running' : stateOf(row);
  });
  for (const line of lines) {
    process.stdout.write(`${line}\n`);
  }
  return rows.every((row) => row.healthy);
}

export async function printSummary(): Promise<void> {
  await printStatus();
  const { networkFile } = statePaths();
  if (existsSync(networkFile)) {
    process.stdout.write(`connection file: ${networkFile}\n`);
  }
}
