import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { GOVERNANCE_CONTRACT, GovernanceTransactions } from '@metrochain/contracts';
import { isLedgerError, submitTransaction } from '@metrochain/ledger';
import { fingerprintOf, openSession, uniqueVersion, type Session } from './support/network';

describe('chaincode role checks on the real network', () => {
  let measurement: Session;
  let auditor: Session;

  before(async () => {
    measurement = await openSession('PTB', 'measurement');
    auditor = await openSession('Inmetro', 'audit');
  });
  after(() => {
    measurement.close();
    auditor.close();
  });

  it('refuses a governance write from the measurement identity with ROLE_FORBIDDEN and writes nothing', async () => {
    const version = uniqueVersion('forbidden');
    await assert.rejects(
      measurement.governance.approveSoftwareVersion({
        version,
        fingerprint: fingerprintOf(version),
        notifiedBody: 'nb',
        meterKinds: ['speed'],
      }),
      (error: unknown) => isLedgerError(error) && error.code === 'ROLE_FORBIDDEN',
    );
    await assert.rejects(
      auditor.governance.getApprovedSoftware(version),
      (error: unknown) => isLedgerError(error) && error.code === 'NOT_FOUND',
    );
  });

  it('refuses a malformed approval with INVALID_ARGUMENT, in the client and in the chaincode', async () => {
    const malformed = { version: 'bad version!', fingerprint: 'xyz', notifiedBody: '', meterKinds: [] };
    await assert.rejects(
      auditor.governance.approveSoftwareVersion(malformed),
      (error: unknown) => isLedgerError(error) && error.code === 'INVALID_ARGUMENT',
    );
    const raw = auditor.connection.contract(GOVERNANCE_CONTRACT);
    await assert.rejects(
      submitTransaction(raw, GovernanceTransactions.approveSoftwareVersion, [JSON.stringify(malformed)]),
      (error: unknown) => isLedgerError(error) && error.code === 'INVALID_ARGUMENT',
    );
    const approved = await auditor.governance.listApprovedSoftware();
    assert.ok(approved.every((approval) => approval.version !== malformed.version));
  });
});
