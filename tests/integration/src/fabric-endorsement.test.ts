import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { peer } from '@hyperledger/fabric-protos';
import { eventually } from './support/eventually';
import { decodeProcessedTransaction } from './support/processed-transaction';
import { fingerprintOf, networkProfile, openSession, uniqueVersion, type Session } from './support/network';

describe('Fabric: a service identity submits, both NMIs endorse, the other NMI returns it', () => {
  let ptb: Session;
  let inmetro: Session;

  before(async () => {
    ptb = await openSession('PTB', 'audit');
    inmetro = await openSession('Inmetro', 'audit', 1);
  });
  after(() => {
    ptb.close();
    inmetro.close();
  });

  it('reports the chaincode version and LR fingerprint from either NMI', async () => {
    const fromPtb = await ptb.governance.getVersion();
    const fromInmetro = await inmetro.governance.getVersion();
    assert.match(fromPtb.lrFingerprint, /^[0-9a-f]{64}$/);
    assert.deepEqual(fromInmetro, fromPtb);
  });

  it('commits an approval endorsed by peers of PTB and Inmetro, readable on an Inmetro peer', async () => {
    const version = uniqueVersion('endorse');
    const approval = await ptb.governance.approveSoftwareVersion({
      version,
      fingerprint: fingerprintOf(version),
      notifiedBody: 'PTB notified body 0102',
      meterKinds: ['speed', 'energy'],
    });
    assert.equal(approval.software.approvedBy, 'PTBMSP');
    assert.deepEqual(
      approval.approvals.map((kind) => [kind.meterKind, kind.approvedTxId]),
      [
        ['speed', approval.transactionId],
        ['energy', approval.transactionId],
      ],
    );
    assert.ok(approval.blockNumber > 0n);

    // The submit returned once PTB's gateway peer committed the block; Inmetro's peer may commit it a moment later.
    const qscc = inmetro.connection.network.getContract('qscc');
    const raw = await eventually(
      'the transaction on the Inmetro peer',
      () =>
        qscc
          .evaluateTransaction('GetTransactionByID', networkProfile().channel, approval.transactionId)
          .catch(() => undefined),
      10_000,
    );
    const view = decodeProcessedTransaction(raw);
    assert.equal(view.validationCode, peer.TxValidationCode.VALID);
    assert.deepEqual([...new Set(view.endorserMspIds)].sort(), ['InmetroMSP', 'PTBMSP']);

    const stored = await inmetro.governance.getApprovedSoftware(version);
    assert.equal(stored.fingerprint, fingerprintOf(version));
    assert.equal(stored.txId, approval.transactionId);
  });
});
