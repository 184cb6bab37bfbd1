import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { buildTopology } from '../topology';
import { auditorTokensEnv, newAuditorTokens } from './auditors';
import { servicesSection } from './connection-file';
import { serviceInstances } from './service-instances';
import { serviceSpec } from './services';

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
    const ptbSpec = serviceSpec('/state/network.json', ptb, []);
    const inmetroSpec = serviceSpec('/state/network.json', inmetro, []);
    assert.equal(inmetroSpec.name, 'service-registration-inmetro');
    assert.deepEqual(inmetroSpec.env, {
      PORT: '3011',
      METROCHAIN_NETWORK_FILE: '/state/network.json',
      METROCHAIN_ORG: 'Inmetro',
      REGISTRATION_INSTANCE_ID: 'registration-inmetro',
    });
    assert.equal(ptbSpec.env?.['METROCHAIN_ORG'], 'PTB');
    assert.deepEqual(inmetroSpec.health, { type: 'http', url: 'http://127.0.0.1:3011/health/ready' });
    assert.ok(inmetroSpec.args.some((arg) => arg.endsWith('services/registration/dist/main.js')));
  });

  it('give the verification service the hashes of the auditors’ tokens, never the tokens', () => {
    const auditors = newAuditorTokens(twoOrgs);
    const verification = serviceInstances(twoOrgs).find((i) => i.service === 'verification');
    assert.ok(verification);
    const env = serviceSpec('/n.json', verification, auditors).env?.['VERIFICATION_AUDITOR_TOKENS'] ?? '';
    assert.equal(env, auditorTokensEnv(auditors));
    for (const auditor of auditors) {
      assert.equal(env.includes(auditor.token), false);
    }
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

describe('auditor tokens', () => {
  it('are 32 random bytes in base64url, one per NMI, new on every call', () => {
    const tokens = newAuditorTokens(threeOrgs);
    assert.deepEqual(
      tokens.map((t) => [t.name, t.msp]),
      [
        ['auditor-ptb', 'PTBMSP'],
        ['auditor-inmetro', 'InmetroMSP'],
        ['auditor-cmi', 'CMIMSP'],
      ],
    );
    for (const { token } of tokens) {
      assert.match(token, /^[A-Za-z0-9_-]{43}$/);
      assert.equal(Buffer.from(token, 'base64url').length, 32);
    }
    assert.notEqual(newAuditorTokens(threeOrgs)[0]?.token, tokens[0]?.token);
  });

  it('reach the verification service as name:sha256hex pairs, comma-separated', () => {
    const tokens = newAuditorTokens(twoOrgs, (size) => Buffer.alloc(size, 7));
    const token = Buffer.alloc(32, 7).toString('base64url');
    const hash = createHash('sha256').update(token).digest('hex');
    assert.equal(auditorTokensEnv(tokens), `auditor-ptb:${hash},auditor-inmetro:${hash}`);
  });
});
