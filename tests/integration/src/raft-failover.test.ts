import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isAlive, probe, statePaths, Supervisor } from '@metrochain/devnet';
import { fingerprintOf, openSession, uniqueVersion, type Session } from './support/network';
import { findLeader, orderers, type OrdererProbe } from './support/raft';

describe('Raft ordering survives the loss of one orderer', () => {
  const supervisor = new Supervisor(statePaths());
  let session: Session;
  let victim: OrdererProbe | undefined;

  before(async () => {
    session = await openSession('Inmetro', 'audit');
  });
  after(async () => {
    session.close();
    const record = victim === undefined ? undefined : supervisor.record(victim.name);
    if (record !== undefined && !isAlive(record.pid)) {
      supervisor.restart(record.name);
      await waitUntil(() => probe(record.health), 60_000);
    }
  });

  it('elects a new leader and commits after the Raft leader is killed with SIGKILL', async () => {
    const all = orderers();
    let leader: OrdererProbe | undefined;
    await waitUntil(async () => (leader = await findLeader(all)) !== undefined, 30_000);
    victim = leader;
    const record = victim === undefined ? undefined : supervisor.record(victim.name);
    assert.ok(victim && record, 'the leader is a recorded process');
    process.kill(record.pid, 'SIGKILL');
    await waitUntil(() => Promise.resolve(!isAlive(record.pid)), 10_000);

    const survivors = all.filter((o) => o.name !== victim?.name);
    let successor: OrdererProbe | undefined;
    await waitUntil(async () => (successor = await findLeader(survivors)) !== undefined, 60_000);
    assert.notEqual(successor?.name, victim.name);

    const version = uniqueVersion('failover');
    const approval = await session.governance.approveSoftwareVersion({
      version,
      fingerprint: fingerprintOf(version),
      notifiedBody: 'Inmetro notified body',
      meterKinds: ['energy'],
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
