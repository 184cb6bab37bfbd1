import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { statePaths } from '../paths';
import { isAlive, Supervisor, type ProcessSpec } from './supervisor';

function sleeper(name: string): ProcessSpec {
  return {
    name,
    kind: 'service',
    command: 'sleep',
    args: ['30'],
    health: { type: 'tcp', host: '127.0.0.1', port: 1 },
  };
}

async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 50 && isAlive(pid); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return !isAlive(pid);
}

describe('Supervisor', () => {
  const supervisor = new Supervisor(statePaths(mkdtempSync(path.join(os.tmpdir(), 'devnet-supervisor-'))));
  after(() => {
    for (const record of supervisor.records()) {
      supervisor.stop(record.name, 'SIGKILL');
    }
  });

  it('records the PID of a started process and stops it by that record', async () => {
    const pid = supervisor.start(sleeper('sleeper-a'));
    assert.ok(isAlive(pid));
    assert.equal(supervisor.record('sleeper-a')?.pid, pid);
    supervisor.stop('sleeper-a');
    assert.ok(await gone(pid));
    assert.equal(supervisor.record('sleeper-a'), undefined);
  });

  it('restarts a killed process with the command it was started with', async () => {
    const first = supervisor.start(sleeper('sleeper-b'));
    process.kill(first, 'SIGKILL');
    assert.ok(await gone(first));
    const second = supervisor.restart('sleeper-b');
    assert.notEqual(second, first);
    assert.ok(isAlive(second));
    assert.deepEqual(supervisor.record('sleeper-b')?.args, ['30']);
  });
});
