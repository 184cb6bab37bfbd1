import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { Supervisor, isAlive, probe, statePaths } from '@metrochain/devnet';

export type ProcessKind = 'orderer' | 'peer' | 'chaincode' | 'kafka' | 'redis' | 'service';

/** A process of the local network as its supervisor recorded it. */
export interface NetworkProcess {
  name: string;
  kind: string;
  pid: number;
}

const HEALTHY_TIMEOUT_MS = 120_000;

/**
 * What the fault runner does to the local network's processes: kill -9 (the whole process group, as a crash
 * would), start again with the recorded command, freeze and thaw. Every process is the real one `devnet up` started.
 */
export class NetworkProcesses {
  readonly #supervisor = new Supervisor(statePaths());

  list(kind?: ProcessKind): NetworkProcess[] {
    return this.#supervisor
      .records()
      .filter((record) => kind === undefined || record.kind === kind)
      .map(({ name, kind: k, pid }) => ({ name, kind: k, pid }));
  }

  get(name: string): NetworkProcess {
    const found = this.list().find((p) => p.name === name);
    if (found === undefined) {
      throw new Error(`no running process named ${name}`);
    }
    return found;
  }

  /** SIGKILL to the process group; resolves once the process is gone. */
  async kill(name: string): Promise<void> {
    const { pid } = this.get(name);
    signalGroup(pid, 'SIGKILL');
    const deadline = Date.now() + 10_000;
    while (isAlive(pid) && Date.now() < deadline) {
      await delay(50);
    }
  }

  /** Starts the killed process again with its recorded command and waits until its health probe passes. */
  async restart(name: string): Promise<void> {
    const record = this.#supervisor.record(name);
    if (record === undefined) {
      throw new Error(`no recorded process named ${name}`);
    }
    this.#supervisor.restart(name);
    const deadline = Date.now() + HEALTHY_TIMEOUT_MS;
    while (!(await probe(record.health))) {
      if (Date.now() > deadline) {
        throw new Error(`${name} not healthy ${String(HEALTHY_TIMEOUT_MS / 1000)} s after its restart`);
      }
      await delay(250);
    }
  }

  freeze(name: string): void {
    signalGroup(this.get(name).pid, 'SIGSTOP');
  }

  thaw(name: string): void {
    signalGroup(this.get(name).pid, 'SIGCONT');
  }

  /** The active KRaft controller: the leader named in the quorum state with the highest epoch any node wrote. */
  kafkaController(): string {
    let best: { leaderId: number; leaderEpoch: number } | undefined;
    const data = statePaths().data;
    for (const dir of readdirSync(data).filter((d) => d.startsWith('kafka-'))) {
      const file = path.join(data, dir, '__cluster_metadata-0', 'quorum-state');
      if (!existsSync(file)) {
        continue;
      }
      const state = JSON.parse(readFileSync(file, 'utf8')) as { leaderId?: number; leaderEpoch?: number };
      if (
        state.leaderId !== undefined &&
        state.leaderId >= 0 &&
        (best === undefined || (state.leaderEpoch ?? -1) > best.leaderEpoch)
      ) {
        best = { leaderId: state.leaderId, leaderEpoch: state.leaderEpoch ?? -1 };
      }
    }
    if (best === undefined) {
      throw new Error('no KRaft quorum state names a leader');
    }
    return `kafka-${String(best.leaderId)}`;
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, signal);
    } catch {
      // not a group leader, or already gone
    }
  }
}
