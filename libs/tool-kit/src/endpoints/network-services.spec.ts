import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '@metrochain/errors';
import { SAMPLE_NETWORK_PROFILE } from '../testing/sample-network';
import { findInstance, networkServices } from './network-services';

const PROFILE = SAMPLE_NETWORK_PROFILE;
const ptb = PROFILE.services.registration[0];
const FILE = '/repo/.devnet/network.json';
const services = networkServices({ file: FILE, profile: PROFILE });

describe('networkServices and findInstance', () => {
  it("find an NMI's instance by name or MSP id in any case, and the first listed without one", () => {
    const inmetroInstance = { org: 'Inmetro', mspId: 'InmetroMSP', url: 'http://127.0.0.1:3011' };
    assert.deepEqual(findInstance(services, 'registration', 'Inmetro'), inmetroInstance);
    assert.deepEqual(findInstance(services, 'registration', 'inmetromsp'), inmetroInstance);
    assert.deepEqual(findInstance(services, 'registration'), { org: 'PTB', mspId: 'PTBMSP', url: ptb.url });
    assert.equal(findInstance(services, 'verification')?.url, 'http://127.0.0.1:3002');
  });

  it('find nothing for an NMI or a service not listed, or in a file without services', () => {
    assert.equal(findInstance(services, 'verification', 'Inmetro'), undefined);
    assert.equal(findInstance(services, 'registration', 'CMI'), undefined);
    assert.equal(findInstance(services, 'measurement'), undefined);
    const none = networkServices({ file: FILE, profile: { channel: 'nmichannel' } });
    assert.equal(findInstance(none, 'registration'), undefined);
  });

  it('refuse a malformed services section as NETWORK_FILE_INVALID', () => {
    const invalid = (error: unknown): boolean =>
      error instanceof DomainError && error.code === 'NETWORK_FILE_INVALID';
    const read = (profile: unknown) => () => networkServices({ file: FILE, profile });
    assert.throws(read({ services: { registration: 'http://127.0.0.1:3001' } }), invalid);
    assert.throws(read({ services: { registration: [{ org: 'PTB' }] } }), invalid);
    assert.throws(read({ services: { registration: [{ ...ptb, url: 'not a url' }] } }), invalid);
  });
});
