import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { statePaths } from '../paths';
import { Supervisor } from '../process/supervisor';

/** Tails one process's log (`-f` follows it). */
export function logs(name: string, options: { lines: number; follow: boolean }): Promise<number> {
  const file = new Supervisor(statePaths()).logFile(name);
  if (!existsSync(file)) {
    throw new Error(`no log for ${name} (see \`status\` for process names)`);
  }
  const args = ['-n', String(options.lines), ...(options.follow ? ['-F'] : []), file];
  return new Promise((resolve) => {
    spawn('tail', args, { stdio: 'inherit' }).on('close', (code) => {
      resolve(code ?? 0);
    });
  });
}
