import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '@metrochain/errors';
import { Metrics } from '@metrochain/service-kit';
import type { AttestationPort } from './attest-and-read';
import { ATTESTATIONS_METRIC, countedAttestations } from './registration-metrics';

describe('countedAttestations', () => {
  it('counts attested meters and failures by code, passing results and errors through', async () => {
    const metrics = new Metrics({ service: 'registration', defaultMetrics: false });
    let refuse = false;
    const port: AttestationPort = {
      attest: (request) =>
        refuse
          ? Promise.reject(new DomainError({ code: 'ALREADY_EXISTS', message: 'registered' }))
          : (Promise.resolve({
              meterId: request.meterId,
              transactionId: 'tx',
              blockNumber: 3n,
            }) as ReturnType<AttestationPort['attest']>),
    };
    const counted = countedAttestations(port, metrics);
    const request = { meterId: 'm-1', model: 'x', publicKeyPem: 'pem', nonce: 'n', signature: 's' };
    assert.equal((await counted.attest(request)).meterId, 'm-1');
    refuse = true;
    await assert.rejects(counted.attest(request), /registered/);
    const text = await metrics.text();
    assert.match(
      text,
      new RegExp(
        `^${ATTESTATIONS_METRIC}\\{outcome="attested",code="none",service="registration"\\} 1$`,
        'm',
      ),
    );
    assert.match(
      text,
      new RegExp(
        `^${ATTESTATIONS_METRIC}\\{outcome="failed",code="ALREADY_EXISTS",service="registration"\\} 1$`,
        'm',
      ),
    );
  });
});
