import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isAlive, probe, statePaths, Supervisor } from '@metrochain/devnet';
import { fingerprintOf, openSession, uniqueVersion, type Session } from './support/network';

describe('Raft ordering survives the loss of one orderer', () => {
  const supervisor = new Supervisor(statePaths());
  const victim = 'orderer1';
  let session: Session;

  before(async () => {
    session = await openSession('Inmetro', 'governance');
  });
  after(async () => {
    session.close();
    const record = supervisor.record(victim);
    if (record !== undefined && !isAlive(record.pid)) {
      supervisor.restart(victim);
      await waitUntil(() => probe(record.health), 60_000);
    }
  });

  it('commits a transaction after orderer1 is killed with SIGKILL', async () => {
    const record = supervisor.record(victim);
    assert.ok(record, 'orderer1 is recorded');
    process.kill(record.pid, 'SIGKILL');
    await waitUntil(() => Promise.resolve(!isAlive(record.pid)), 10_000);

    const version = uniqueVersion('failover');
    const approval = await session.governance.approveSoftwareVersion({
      version,
      fingerprint: fingerprintOf(version),
      notifiedBody: 'Inmetro notified body',
    });
    assert.ok(approval.blockNumber > 0n);
    const stored = await session.governance.getApprovedSoftware(version);
    assert.equal(stored.txId, approval.transactionId);
  });
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
