import assert from 'node:assert/strict';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { TOKEN_AUDIENCE } from '@metrochain/contracts';
import { decodeJwt, decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { buildTopology } from '../topology';
import { provisionIdentity } from './principals';

const twoOrgs = buildTopology({ thirdOrg: false, orderers: 3, kafkaBrokers: 1 });

describe('provisionIdentity', () => {
  it('issues every principal a token its NMI signed, verifiable with that NMI’s published key only', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'identity-'));
    const identity = await provisionIdentity(twoOrgs, dir);
    assert.deepEqual(
      identity.issuers.map((issuer) => issuer.issuer),
      ['PTBMSP', 'InmetroMSP'],
    );
    assert.deepEqual(
      identity.principals.map((p) => [p.name, p.role, p.issuer]),
      [
        ['operator-ptb', 'nmi-operator', 'PTBMSP'],
        ['auditor-ptb', 'auditor', 'PTBMSP'],
        ['operator-inmetro', 'nmi-operator', 'InmetroMSP'],
        ['auditor-inmetro', 'auditor', 'InmetroMSP'],
        ['acme-meters', 'manufacturer', 'PTBMSP'],
        ['globex-metering', 'manufacturer', 'InmetroMSP'],
        ['stadtwerke-nord', 'utility', 'PTBMSP'],
        ['energia-sul', 'utility', 'InmetroMSP'],
        ['customer-0001', 'customer', 'PTBMSP'],
        ['customer-0002', 'customer', 'PTBMSP'],
      ],
    );
    for (const principal of identity.principals) {
      const kid = decodeProtectedHeader(principal.token).kid;
      const own = identity.issuers.find((issuer) => issuer.issuer === kid);
      const other = identity.issuers.find((issuer) => issuer.issuer !== kid);
      assert.ok(own && other);
      const { payload } = await jwtVerify(principal.token, await importJWK(own.jwk, 'ES256'), {
        issuer: principal.issuer,
        audience: TOKEN_AUDIENCE,
      });
      assert.equal(payload.sub, principal.name);
      await assert.rejects(jwtVerify(principal.token, await importJWK(other.jwk, 'ES256')));
    }
    assert.equal(decodeJwt(identity.principals[0]?.token ?? '')['nmi'], 'PTBMSP');
    assert.equal(statSync(path.join(dir, 'ptb-issuer-key.pem')).mode & 0o777, 0o600);
  });
});
