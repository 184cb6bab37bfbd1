import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '@metrochain/errors';
import type { NetworkFile } from '@metrochain/tool-kit';
import { resolveBillingEndpoint } from './endpoint';

const network: NetworkFile = {
  file: '/repo/.devnet/network.json',
  profile: {
    services: {
      billing: [
        { process: 'service-billing', org: 'PTB', mspId: 'PTBMSP', url: 'http://127.0.0.1:3104/' },
        {
          process: 'service-billing-inmetro',
          org: 'Inmetro',
          mspId: 'InmetroMSP',
          url: 'http://127.0.0.1:3114',
        },
      ],
    },
  },
};

describe('resolveBillingEndpoint', () => {
  const env = { METROCHAIN_BILLING_URL: 'http://billing.example:8080/' };
  it('takes --billing, else $METROCHAIN_BILLING_URL, else the network file, else the devnet default', () => {
    const query = { env, readNetworkFile: () => network };
    assert.deepEqual(resolveBillingEndpoint({ ...query, option: 'https://b.example/' }), {
      url: 'https://b.example',
      source: 'option',
    });
    assert.deepEqual(resolveBillingEndpoint({ ...query, option: undefined }), {
      url: 'http://billing.example:8080',
      source: 'environment',
    });
    assert.deepEqual(
      resolveBillingEndpoint({ ...query, env: { METROCHAIN_BILLING_URL: '' }, option: undefined }),
      {
        url: 'http://127.0.0.1:3104',
        source: 'network-file',
        org: 'PTB',
      },
    );
    const none = { env: {}, option: undefined };
    assert.deepEqual(resolveBillingEndpoint({ ...none, readNetworkFile: () => undefined }), {
      url: 'http://127.0.0.1:3004',
      source: 'default',
    });
    const withoutBilling = { file: network.file, profile: { services: {} } };
    assert.equal(
      resolveBillingEndpoint({ ...none, readNetworkFile: () => withoutBilling }).source,
      'default',
    );
  });

  it('refuses a URL that is not http(s) as USAGE', () => {
    assert.throws(
      () => resolveBillingEndpoint({ env: {}, option: 'ftp://x', readNetworkFile: () => undefined }),
      (error: unknown) =>
        error instanceof DomainError && error.code === 'USAGE' && /--billing/.test(error.message),
    );
  });
});
