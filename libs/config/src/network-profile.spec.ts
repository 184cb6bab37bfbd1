import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type DomainError, isDomainError } from '@metrochain/errors';
import {
  NETWORK_FILE_ENV,
  defaultNetworkFile,
  parseNetworkProfile,
  readNetworkProfile,
} from './network-profile';
import { findRepoRoot } from './repo-root';

function sampleProfile(): Record<string, unknown> {
  return {
    channel: 'nmichannel',
    chaincode: 'metrochain',
    organizations: {
      PTB: {
        mspId: 'PTBMSP',
        peers: [
          { name: 'peer0.ptb.metrochain.local', endpoint: '127.0.0.1:18000', tlsRootCertPath: '/abs/ca.crt' },
        ],
        identities: {
          registration: { certPath: '/abs/cert.pem', keyPath: '/abs/key.pem', role: 'registrar' },
        },
      },
    },
    orderers: [
      {
        name: 'orderer1.metrochain.local',
        endpoint: '127.0.0.1:17051',
        adminEndpoint: '127.0.0.1:17151',
        tlsRootCertPath: '/abs/ca.crt',
      },
    ],
    kafka: { brokers: ['127.0.0.1:19092'] },
    redis: { url: 'redis://127.0.0.1:16379' },
    identity: {
      issuers: [{ issuer: 'PTBMSP', jwk: { kty: 'EC', crv: 'P-256', x: 'x-coordinate', y: 'y-coordinate' } }],
      principals: [
        { name: 'operator-ptb', role: 'nmi-operator', issuer: 'PTBMSP', nmi: 'PTBMSP', token: 'jwt' },
      ],
    },
  };
}

function catchError(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    assert.ok(isDomainError(error));
    return error;
  }
  assert.fail('expected an error');
}

describe('network profile', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'metrochain-config-'));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('accepts the connection file of docs/foundation.md as is', () => {
    assert.deepEqual(parseNetworkProfile(sampleProfile()), sampleProfile());
  });

  it('reads a profile without an identity section as one that trusts no issuer', () => {
    const withoutIdentity = sampleProfile();
    delete withoutIdentity['identity'];
    assert.deepEqual(parseNetworkProfile(withoutIdentity).identity, { issuers: [], principals: [] });
  });

  it('reads a file and resolves relative paths against its folder', () => {
    const profile = sampleProfile();
    const org = (profile['organizations'] as Record<string, { peers: { tlsRootCertPath: string }[] }>)['PTB'];
    assert.ok(org?.peers[0]);
    org.peers[0].tlsRootCertPath = 'crypto/ptb/ca.crt';
    const file = path.join(dir, 'network.json');
    writeFileSync(file, JSON.stringify(profile));
    const read = readNetworkProfile(file);
    const ptb = read.organizations['PTB'];
    assert.ok(ptb);
    assert.equal(ptb.peers[0]?.tlsRootCertPath, path.join(dir, 'crypto/ptb/ca.crt'));
    assert.equal(ptb.identities['registration']?.keyPath, '/abs/key.pem');
    assert.equal(read.orderers[0]?.tlsRootCertPath, '/abs/ca.crt');
  });

  it('reports a missing file as NETWORK_PROFILE_MISSING', () => {
    const error = catchError(() => readNetworkProfile(path.join(dir, 'absent.json')));
    assert.equal(error.code, 'NETWORK_PROFILE_MISSING');
  });

  it('reports malformed JSON as NETWORK_PROFILE_INVALID', () => {
    const file = path.join(dir, 'broken.json');
    writeFileSync(file, '{ "channel": ');
    assert.equal(catchError(() => readNetworkProfile(file)).code, 'NETWORK_PROFILE_INVALID');
  });

  it('lists every schema violation with its path', () => {
    const profile = sampleProfile();
    delete profile['channel'];
    profile['kafka'] = { brokers: ['localhost'] };
    profile['organizations'] = { PTB: { mspId: 'PTBMSP', peers: [], identities: {} } };
    const file = path.join(dir, 'invalid.json');
    writeFileSync(file, JSON.stringify(profile));
    const error = catchError(() => readNetworkProfile(file));
    assert.equal(error.code, 'NETWORK_PROFILE_INVALID');
    const paths = (error.details['issues'] as { path: string }[]).map((issue) => issue.path).sort();
    assert.deepEqual(paths, ['channel', 'kafka.brokers.0', 'organizations.PTB.peers']);
  });

  it('rejects a profile without organizations', () => {
    const error = catchError(() => parseNetworkProfile({ ...sampleProfile(), organizations: {} }));
    assert.match(error.message, /organizations: expected at least one organization/);
  });
});

describe('defaultNetworkFile', () => {
  it('prefers METROCHAIN_NETWORK_FILE', () => {
    assert.equal(
      defaultNetworkFile({ [NETWORK_FILE_ENV]: '/etc/metrochain/network.json' }),
      '/etc/metrochain/network.json',
    );
  });

  it('falls back to .devnet/network.json in the folder holding nx.json', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'metrochain-root-'));
    const nested = path.join(root, 'libs', 'config', 'dist');
    mkdirSync(nested, { recursive: true });
    writeFileSync(path.join(root, 'nx.json'), '{}');
    try {
      assert.equal(findRepoRoot(nested), root);
      assert.equal(defaultNetworkFile({}, nested), path.join(root, '.devnet', 'network.json'));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('finds this workspace from the compiled library', () => {
    const root = findRepoRoot(__dirname);
    assert.ok(root !== undefined);
    assert.equal(defaultNetworkFile({}), path.join(root, '.devnet', 'network.json'));
  });

  it('fails with NETWORK_PROFILE_MISSING when no root is found', () => {
    const lonely = mkdtempSync(path.join(tmpdir(), 'metrochain-lonely-'));
    try {
      assert.equal(catchError(() => defaultNetworkFile({}, lonely)).code, 'NETWORK_PROFILE_MISSING');
    } finally {
      rmSync(lonely, { recursive: true, force: true });
    }
  });
});
