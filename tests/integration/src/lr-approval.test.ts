import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CHAINCODE_BUNDLE_DIR, SPEED_LINE, readBundleFingerprint } from '@metrochain/devnet';
import { isLedgerError } from '@metrochain/ledger';
import {
  type ExtraChaincode,
  changedBundle,
  clientsOf,
  deployExtraChaincode,
  serverVersion,
  uniqueChaincodeName,
} from './support/extra-chaincode';
import { energyReading } from './support/ingest';
import { type TestMeter, attestation, newMeter } from './support/meters';
import { type Session, openSession } from './support/network';

const notApproved = (error: unknown): boolean => isLedgerError(error) && error.code === 'LR_NOT_APPROVED';

/*
 * A build of changed LR code, deployed as a second chaincode name on the channel with its own chaincode servers
 * (the network's chaincode and its approvals stay untouched): the measurement contract refuses its batches until a
 * notified body approves its fingerprint, records them then, and refuses again once the approval is withdrawn.
 */
describe('LR software approval: a changed build records only while approved', () => {
  const name = uniqueChaincodeName('lrtest');
  let extra: ExtraChaincode;
  let changedFingerprint: string;
  let measurement: Session;
  let auditor: Session;
  let registrars: Session[];
  let meter: TestMeter;

  before(async () => {
    const changed = changedBundle(name, [{ find: SPEED_LINE, replace: `${SPEED_LINE} // changed LR build` }]);
    changedFingerprint = changed.fingerprint;
    const started = performance.now();
    extra = await deployExtraChaincode({ name, bundleDir: changed.dir, slot: 0 });
    process.stdout.write(`# deployed ${name} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    measurement = await openSession('PTB', 'measurement');
    auditor = await openSession('Inmetro', 'audit');
    registrars = [await openSession('PTB', 'registration'), await openSession('Inmetro', 'registration')];
    meter = newMeter('lrtest');
    for (const [index, org] of ['PTB', 'Inmetro'].entries()) {
      const session = registrars[index];
      assert.ok(session);
      await clientsOf(session, name).registry.attest(attestation(meter, org));
    }
  });

  after(() => {
    extra.stop();
    for (const session of [measurement, auditor, ...registrars]) {
      session.close();
    }
  });

  it('runs a build with its own fingerprint, which each NMI server reports on /version', async () => {
    const genuine = readBundleFingerprint(CHAINCODE_BUNDLE_DIR).fingerprint;
    assert.notEqual(changedFingerprint, genuine);
    for (const server of extra.servers) {
      const version = await serverVersion(server.httpUrl);
      assert.equal(version.fingerprint, changedFingerprint, server.org);
      assert.equal(version.bundled, true);
    }
    const onLedger = await clientsOf(measurement, name).governance.getVersion();
    assert.equal(onLedger.lrFingerprint, changedFingerprint);
  });

  it('refuses, approves, records, withdraws, refuses again', async () => {
    const ledger = clientsOf(measurement, name).measurement;
    const governance = clientsOf(auditor, name).governance;

    await assert.rejects(
      ledger.recordBatch({ batchId: `${name}-1`, readings: [energyReading(meter, 1)] }),
      notApproved,
    );
    await assert.rejects(ledger.getMeterProgress(meter.id), (error: unknown) => isLedgerError(error));

    const approval = await governance.approveSoftwareVersion({
      version: `0.1.0-${name}`,
      fingerprint: changedFingerprint,
      notifiedBody: 'lrtest notified body',
      meterKinds: ['energy'],
    });
    assert.deepEqual(
      approval.approvals.map((kind) => [kind.meterKind, kind.status]),
      [['energy', 'approved']],
    );
    const recorded = await ledger.recordBatch({ batchId: `${name}-2`, readings: [energyReading(meter, 1)] });
    assert.equal(recorded.outcomes[0]?.status, 'recorded', JSON.stringify(recorded.outcomes));
    assert.equal((await ledger.getMeasurement(meter.id, 1)).lrFingerprint, changedFingerprint);

    const withdrawn = await governance.withdrawSoftwareApproval({
      fingerprint: changedFingerprint,
      meterKind: 'energy',
      reason: 'lrtest: approval withdrawn',
    });
    assert.equal(withdrawn.status, 'withdrawn');
    await assert.rejects(
      ledger.recordBatch({ batchId: `${name}-3`, readings: [energyReading(meter, 2)] }),
      notApproved,
    );
    assert.equal((await ledger.getMeterProgress(meter.id)).lastSeq, 1);
    const listed = await governance.listSoftwareApprovals('energy');
    assert.deepEqual(
      listed.filter((item) => item.fingerprint === changedFingerprint).map((item) => item.status),
      ['withdrawn'],
    );
  });
});
