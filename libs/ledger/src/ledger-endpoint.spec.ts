import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type DomainError, isDomainError } from '@metrochain/errors';
import { selectLedgerEndpoint } from './ledger-endpoint';
import { testProfile } from './testing/test-profile';

const profile = testProfile();

function mismatch(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    assert.ok(isDomainError(error));
    assert.equal(error.code, 'NETWORK_PROFILE_INVALID');
    return error;
  }
  assert.fail('expected an error');
}

describe('selectLedgerEndpoint', () => {
  it('picks the organisation, its first peer and the named identity', () => {
    const endpoint = selectLedgerEndpoint({ profile, org: 'PTB', identity: 'registration' });
    assert.equal(endpoint.mspId, 'PTBMSP');
    assert.equal(endpoint.peer.name, 'peer0.ptb.metrochain.local');
    assert.equal(endpoint.identity.role, 'registrar');
  });

  it('picks another peer by index', () => {
    assert.equal(
      selectLedgerEndpoint({ profile, org: 'PTB', identity: 'registration', peerIndex: 1 }).peer.endpoint,
      '127.0.0.1:18010',
    );
  });

  it("picks another organisation's peer with the caller's own identity", () => {
    const withInmetro = {
      ...profile,
      organizations: {
        ...profile.organizations,
        Inmetro: {
          mspId: 'InmetroMSP',
          peers: [
            {
              name: 'peer0.inmetro.metrochain.local',
              endpoint: '127.0.0.1:18100',
              tlsRootCertPath: '/i.crt',
            },
          ],
          identities: {},
        },
      },
    };
    const endpoint = selectLedgerEndpoint({
      profile: withInmetro,
      org: 'PTB',
      identity: 'registration',
      peerOrg: 'Inmetro',
    });
    assert.equal(endpoint.mspId, 'PTBMSP');
    assert.equal(endpoint.peerOrg, 'Inmetro');
    assert.equal(endpoint.peer.endpoint, '127.0.0.1:18100');
    assert.equal(endpoint.identity.role, 'registrar');
    mismatch(() =>
      selectLedgerEndpoint({
        profile: withInmetro,
        org: 'PTB',
        identity: 'registration',
        peerOrg: 'Inmetro',
        peerIndex: 1,
      }),
    );
    mismatch(() => selectLedgerEndpoint({ profile, org: 'PTB', identity: 'registration', peerOrg: 'CMI' }));
  });

  it('names what is missing from the profile', () => {
    assert.deepEqual(
      mismatch(() => selectLedgerEndpoint({ profile, org: 'CMI', identity: 'registration' })).details[
        'known'
      ],
      ['PTB'],
    );
    mismatch(() => selectLedgerEndpoint({ profile, org: 'PTB', identity: 'registration', peerIndex: 2 }));
    assert.match(
      mismatch(() => selectLedgerEndpoint({ profile, org: 'PTB', identity: 'billing' })).message,
      /no identity billing/,
    );
  });
});
