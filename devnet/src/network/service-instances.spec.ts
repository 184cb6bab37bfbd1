import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTopology } from '../topology';
import { servicesSection } from './connection-file';
import { serviceInstances } from './service-instances';
import { DEVNET_RATE_LIMIT_WRITES, DEVNET_TRACE_ENV, serviceSpec } from './services';

const twoOrgs = buildTopology({ thirdOrg: false, orderers: 3, kafkaBrokers: 1 });
const threeOrgs = buildTopology({ thirdOrg: true, orderers: 3, kafkaBrokers: 1 });

describe('service instances', () => {
  it('run registration once per NMI on 3001, 3011, 3021 and the other services once, for PTB', () => {
    const instances = serviceInstances(threeOrgs);
    assert.deepEqual(
      instances.map((i) => [i.process, i.org, i.mspId, i.port]),
      [
        ['service-registration-ptb', 'PTB', 'PTBMSP', 3001],
        ['service-registration-inmetro', 'Inmetro', 'InmetroMSP', 3011],
        ['service-registration-cmi', 'CMI', 'CMIMSP', 3021],
        ['service-verification', 'PTB', 'PTBMSP', 3002],
        ['service-measurement', 'PTB', 'PTBMSP', 3003],
        ['service-billing', 'PTB', 'PTBMSP', 3004],
        ['service-audit', 'PTB', 'PTBMSP', 3005],
      ],
    );
    assert.equal(instances[1]?.url, 'http://127.0.0.1:3011');
    assert.equal(serviceInstances(twoOrgs).filter((i) => i.service === 'registration').length, 2);
  });

  it('start each registration instance with its own organisation and a distinct instance id', () => {
    const [ptb, inmetro] = serviceInstances(twoOrgs);
    assert.ok(ptb && inmetro);
    const ptbSpec = serviceSpec('/state/network.json', ptb);
    const inmetroSpec = serviceSpec('/state/network.json', inmetro);
    assert.equal(inmetroSpec.name, 'service-registration-inmetro');
    assert.deepEqual(inmetroSpec.env, {
      PORT: '3011',
      METROCHAIN_NETWORK_FILE: '/state/network.json',
      METROCHAIN_ORG: 'Inmetro',
      RATE_LIMIT_WRITES: String(DEVNET_RATE_LIMIT_WRITES),
      ...DEVNET_TRACE_ENV,
      REGISTRATION_INSTANCE_ID: 'registration-inmetro',
    });
    assert.equal(ptbSpec.env?.['METROCHAIN_ORG'], 'PTB');
    assert.deepEqual(inmetroSpec.health, { type: 'http', url: 'http://127.0.0.1:3011/health/ready' });
    assert.ok(inmetroSpec.args.some((arg) => arg.endsWith('services/registration/dist/main.js')));
  });

  it('are listed in network.json grouped by service, every registration instance with its org and URL', () => {
    const section = servicesSection(serviceInstances(twoOrgs));
    assert.deepEqual(section['registration'], [
      { process: 'service-registration-ptb', org: 'PTB', mspId: 'PTBMSP', url: 'http://127.0.0.1:3001' },
      {
        process: 'service-registration-inmetro',
        org: 'Inmetro',
        mspId: 'InmetroMSP',
        url: 'http://127.0.0.1:3011',
      },
    ]);
    assert.equal(section['verification']?.[0]?.url, 'http://127.0.0.1:3002');
  });
});
