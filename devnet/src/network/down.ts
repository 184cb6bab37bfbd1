import { rmSync } from 'node:fs';
import { step } from '../log';
import { statePaths } from '../paths';
import { isAlive, Supervisor } from '../process/supervisor';

const GRACE_MS = 15_000;

async function waitForExit(pids: number[], timeoutMs: number): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  let alive = pids.filter(isAlive);
  while (alive.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    alive = alive.filter(isAlive);
  }
  return alive;
}

/** Stops every recorded process (services first, then chaincode, peers, orderers, Kafka, Redis); SIGKILL after a grace period. */
export async function down(options: { wipe: boolean }): Promise<void> {
  const paths = statePaths();
  const supervisor = new Supervisor(paths);
  const order = ['fleet', 'service', 'chaincode', 'peer', 'orderer', 'kafka', 'redis'];
  const records = supervisor.records().sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  step(`stopping ${String(records.length)} processes`);
  for (const record of records) {
    supervisor.stop(record.name, 'SIGTERM');
  }
  const stubborn = await waitForExit(
    records.map((r) => r.pid),
    GRACE_MS,
  );
  for (const pid of stubborn) {
    for (const target of [-pid, pid]) {
      try {
        process.kill(target, 'SIGKILL');
      } catch {
        // gone in the meantime
      }
    }
  }
  const left = await waitForExit(stubborn, 5_000);
  if (left.length > 0) {
    throw new Error(`processes still running after SIGKILL: ${left.join(', ')}`);
  }
  if (options.wipe) {
    rmSync(paths.root, { recursive: true, force: true });
  }
  step(`network down${options.wipe ? ' and wiped' : ''}`);
}
