import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FleetErrorCode, fleetError } from '../fleet-error';

const LOCK_FILE = 'fleet.lock';

/**
 * Takes the state folder for this process: two fleets on one folder would sign different readings with the same
 * seq, which the ledger refuses as replays. A lock left by a process that is gone is taken over.
 */
export function acquireStateLock(dir: string): () => void {
  const file = path.join(dir, LOCK_FILE);
  const holder = lockHolder(file);
  if (holder !== undefined && isAlive(holder)) {
    throw fleetError(FleetErrorCode.STATE_LOCKED, `${dir} is in use by process ${holder} (${file})`, {
      details: { dir, pid: holder },
    });
  }
  writeFileSync(file, `${process.pid}\n`, { flag: holder === undefined ? 'wx' : 'w' });
  return () => {
    if (lockHolder(file) === process.pid) {
      rmSync(file, { force: true });
    }
  };
}

function lockHolder(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : 0;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  if (pid === 0) {
    return false;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
