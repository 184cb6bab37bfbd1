import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GovernanceContract } from '../governance/governance.contract';
import { CHAINCODE_FINGERPRINT } from '../identity/running-chaincode';
import { activeMeter, newMeterKeys, txAs } from '../registry/testing/registry-fixtures';
import { chaincodeErrorWithCode } from '../testing/chaincode-error-matcher';
import { ChaincodeError } from '../common/chaincode-error';
import {
  approveRunningSoftware,
  energyReading,
  readProgress,
  recordAs,
  speedReading,
} from './testing/measurement-fixtures';

const keys = newMeterKeys();
const governance = new GovernanceContract();

/** recordBatch without seeding approvals; asserts it fails with LR_NOT_APPROVED for `kinds` and changes nothing. */
async function assertRefused(
  state: Map<string, Uint8Array>,
  readings: Parameters<typeof recordAs>[1],
  kinds: readonly string[],
): Promise<void> {
  const before = new Map(state);
  await assert.rejects(recordAs(state, readings, { approved: false }), (error: unknown) => {
    chaincodeErrorWithCode('LR_NOT_APPROVED')(error);
    assert.ok(error instanceof ChaincodeError);
    assert.deepEqual(error.details, { fingerprint: CHAINCODE_FINGERPRINT, meterKinds: kinds });
    return true;
  });
  assert.deepEqual(state, before);
}

describe('recordBatch and the approval of the running LR software', () => {
  it('refuses a batch when the running build is approved for no kind, writing nothing and emitting nothing', async () => {
    const state = await activeMeter('meter-1', keys);
    await assertRefused(state, [energyReading('meter-1', keys, 1)], ['energy']);
  });

  it('refuses the whole batch when one of its kinds is not approved, naming that kind', async () => {
    const state = await activeMeter('meter-1', keys);
    approveRunningSoftware(state, ['energy']);
    await assertRefused(
      state,
      [energyReading('meter-1', keys, 1), speedReading('meter-1', keys, 2, 100)],
      ['speed'],
    );
    const recorded = await recordAs(state, [energyReading('meter-1', keys, 1)], { approved: false });
    assert.equal(recorded.outcomes[0]?.status, 'recorded');
  });

  it('does not take an approval of another build', async () => {
    const state = await activeMeter('meter-1', keys);
    const { ctx } = txAs('auditor', 'PTBMSP', { state });
    await governance.approveSoftwareVersion(
      ctx,
      JSON.stringify({
        version: '9.9.9',
        fingerprint: 'e'.repeat(64),
        notifiedBody: 'nb',
        meterKinds: ['energy'],
      }),
    );
    await assertRefused(state, [energyReading('meter-1', keys, 1)], ['energy']);
  });

  it('records after the approval, and refuses again once it is withdrawn', async () => {
    const state = await activeMeter('meter-1', keys);
    const approval = { version: '0.1.0', fingerprint: CHAINCODE_FINGERPRINT, notifiedBody: 'nb' };
    await governance.approveSoftwareVersion(
      txAs('auditor', 'PTBMSP', { state }).ctx,
      JSON.stringify({ ...approval, meterKinds: ['energy'] }),
    );
    await recordAs(state, [energyReading('meter-1', keys, 1)], { approved: false });
    assert.equal((await readProgress(state, 'meter-1')).lastSeq, 1);
    await governance.withdrawSoftwareApproval(
      txAs('auditor', 'PTBMSP', { state }).ctx,
      JSON.stringify({ fingerprint: CHAINCODE_FINGERPRINT, meterKind: 'energy', reason: 'defect found' }),
    );
    await assertRefused(state, [energyReading('meter-1', keys, 2)], ['energy']);
    assert.equal((await readProgress(state, 'meter-1')).lastSeq, 1);
  });
});
