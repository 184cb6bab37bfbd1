import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '@metrochain/errors';
import type { NetworkFile } from '@metrochain/tool-kit';
import { SAMPLE_NETWORK_PROFILE } from '@metrochain/tool-kit/testing';
import { resolveEndpoint, type EndpointQuery } from './endpoint';

const PROFILE = SAMPLE_NETWORK_PROFILE;
const network = (profile: unknown): NetworkFile => ({ file: '/repo/.devnet/network.json', profile });

function query(overrides: Partial<EndpointQuery>): EndpointQuery {
  return {
    service: 'registration',
    option: undefined,
    org: undefined,
    env: {},
    readNetworkFile: () => undefined,
    ...overrides,
  };
}

describe('resolveEndpoint', () => {
  const perOrg = network(PROFILE);

  it('takes the option first, then --org from the network file, the environment, the file, the default', () => {
    const env = { METROCHAIN_REGISTRATION_URL: 'http://registration.example:8080/' };
    const all = { env, readNetworkFile: () => perOrg };
    assert.deepEqual(resolveEndpoint(query({ ...all, option: 'https://nmi.example/api/' })), {
      service: 'registration',
      url: 'https://nmi.example/api',
      source: 'option',
    });
    assert.deepEqual(resolveEndpoint(query({ ...all, org: 'inmetro' })), {
      service: 'registration',
      url: 'http://127.0.0.1:3011',
      source: 'network-file',
      org: 'Inmetro',
    });
    assert.equal(resolveEndpoint(query(all)).url, 'http://registration.example:8080');
    assert.deepEqual(resolveEndpoint(query({ readNetworkFile: () => perOrg })), {
      service: 'registration',
      url: 'http://127.0.0.1:3001',
      source: 'network-file',
      org: 'PTB',
    });
    assert.deepEqual(resolveEndpoint(query({ service: 'verification' })), {
      service: 'verification',
      url: 'http://127.0.0.1:3002',
      source: 'default',
    });
  });

  it('refuses --org without that instance in the network file rather than fall back to another NMI', () => {
    const unknown = (error: unknown): boolean =>
      error instanceof DomainError && error.code === 'ENDPOINT_UNKNOWN';
    const noServices = network({ channel: 'nmichannel' });
    assert.throws(
      () => resolveEndpoint(query({ org: 'Inmetro', readNetworkFile: () => noServices })),
      unknown,
    );
    assert.throws(() => resolveEndpoint(query({ org: 'Inmetro' })), unknown);
    const env = { METROCHAIN_REGISTRATION_URL: 'http://127.0.0.1:3001' };
    assert.throws(() => resolveEndpoint(query({ org: 'CMI', env, readNetworkFile: () => perOrg })), unknown);
  });

  it('refuses a URL that is not http(s) as a usage error', () => {
    const usage = (error: unknown): boolean => error instanceof DomainError && error.code === 'USAGE';
    assert.throws(() => resolveEndpoint(query({ option: 'localhost:3001' })), usage);
    assert.throws(() => resolveEndpoint(query({ env: { METROCHAIN_REGISTRATION_URL: 'not a url' } })), usage);
  });
});
