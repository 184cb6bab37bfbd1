import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DomainError } from '@metrochain/errors';
import { GOVERNANCE_CONTRACT, GovernanceTransactions } from '@metrochain/contracts';
import { connectLedger } from './connect-ledger';
import { LedgerError } from './ledger-error';
import { evaluateTransaction } from './ledger-transaction';
import { type LedgerFiles, closedEndpoint, writeLedgerFiles } from './testing/ledger-files';
import { testProfile } from './testing/test-profile';

describe('connectLedger (no network)', () => {
  let files: LedgerFiles;
  let endpoint = '';
  before(async () => {
    files = await writeLedgerFiles();
    endpoint = await closedEndpoint();
  });
  after(() => files.remove());

  it('connects lazily and reports an unreachable peer as LEDGER_UNAVAILABLE', async () => {
    const connection = await connectLedger({
      profile: testProfile(files, [endpoint]),
      org: 'PTB',
      identity: 'registration',
      deadlines: { evaluateMs: 2_000 },
    });
    try {
      assert.equal(connection.endpoint.mspId, 'PTBMSP');
      assert.equal(connection.network.getName(), 'nmichannel');
      assert.equal(connection.deadlines.evaluateMs, 2_000);
      const contract = connection.contract(GOVERNANCE_CONTRACT);
      assert.equal(contract.getChaincodeName(), 'metrochain');
      assert.equal(contract.getContractName(), GOVERNANCE_CONTRACT);
      await assert.rejects(
        evaluateTransaction(contract, GovernanceTransactions.getVersion),
        (error) => error instanceof LedgerError && error.code === 'LEDGER_UNAVAILABLE' && error.retriable,
      );
    } finally {
      connection.close();
      connection.close();
    }
  });

  it('fails with NETWORK_PROFILE_INVALID when identity material is missing', async () => {
    const profile = testProfile({ ...files, keyPath: `${files.dir}/absent-key.pem` }, [endpoint]);
    await assert.rejects(
      connectLedger({ profile, org: 'PTB', identity: 'registration' }),
      (error) =>
        error instanceof DomainError &&
        error.code === 'NETWORK_PROFILE_INVALID' &&
        /identity private key/.test(error.message),
    );
  });

  it('fails with NETWORK_PROFILE_INVALID for an organisation the profile lacks', async () => {
    await assert.rejects(
      connectLedger({ profile: testProfile(files, [endpoint]), org: 'Inmetro', identity: 'registration' }),
      (error) => error instanceof DomainError && error.code === 'NETWORK_PROFILE_INVALID',
    );
  });
});
