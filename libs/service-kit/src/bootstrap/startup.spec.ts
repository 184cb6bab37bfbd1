import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ConfigErrorCode, loadConfig } from '@metrochain/config';
import { DomainError } from '@metrochain/errors';
import { createLogger } from '@metrochain/observability';
import { type PlatformConfig, platformConfigSchema } from '../config/platform-config';
import { createServiceContext } from './service-context.factory';
import { describeStartupFailure, logStartupFailure } from './startup-failure';

const loadTestConfig = (env: Readonly<Record<string, string | undefined>>): PlatformConfig =>
  loadConfig(platformConfigSchema({ defaultPort: 3001 }), env);

function hasCode(code: string): (error: unknown) => boolean {
  return (error: unknown) => error instanceof DomainError && error.code === code;
}

const profile = {
  channel: 'nmichannel',
  chaincode: 'metrochain',
  organizations: {
    PTB: {
      mspId: 'PTBMSP',
      peers: [{ name: 'peer0', endpoint: '127.0.0.1:18000', tlsRootCertPath: 'ca.crt' }],
      identities: { registration: { certPath: 'cert.pem', keyPath: 'key.pem', role: 'registrar' } },
    },
  },
  orderers: [
    { name: 'o1', endpoint: '127.0.0.1:17051', adminEndpoint: '127.0.0.1:17151', tlsRootCertPath: 'ca.crt' },
  ],
  kafka: { brokers: ['127.0.0.1:19092'] },
  redis: { url: 'redis://127.0.0.1:16379' },
};

describe('createServiceContext', () => {
  let dir: string;
  let networkFile: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'service-kit-'));
    networkFile = path.join(dir, 'network.json');
    await writeFile(networkFile, JSON.stringify(profile));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('builds the context with the service name as ledger identity', () => {
    const context = createServiceContext({
      serviceName: 'registration',
      loadConfig: loadTestConfig,
      env: { METROCHAIN_NETWORK_FILE: networkFile },
    });
    assert.equal(context.identity, 'registration');
    assert.equal(context.config.port, 3001);
    assert.equal(context.profile.redis.url, 'redis://127.0.0.1:16379');
  });

  it('fails with NETWORK_PROFILE_MISSING when the connection file is absent', () => {
    const missing = path.join(dir, 'absent.json');
    assert.throws(
      () =>
        createServiceContext({
          serviceName: 'audit',
          loadConfig: loadTestConfig,
          env: { METROCHAIN_NETWORK_FILE: missing },
        }),
      hasCode(ConfigErrorCode.NETWORK_PROFILE_MISSING),
    );
  });

  it('fails with NETWORK_PROFILE_INVALID when the profile lacks the organisation or the identity', () => {
    const env = { METROCHAIN_NETWORK_FILE: networkFile };
    assert.throws(
      () => createServiceContext({ serviceName: 'audit', loadConfig: loadTestConfig, env }),
      hasCode(ConfigErrorCode.NETWORK_PROFILE_INVALID),
    );
    assert.throws(
      () =>
        createServiceContext({
          serviceName: 'registration',
          loadConfig: loadTestConfig,
          env: { ...env, METROCHAIN_ORG: 'CMI' },
        }),
      hasCode(ConfigErrorCode.NETWORK_PROFILE_INVALID),
    );
  });

  it('fails with CONFIG_INVALID before reading any file', () => {
    assert.throws(
      () => createServiceContext({ serviceName: 'audit', loadConfig: loadTestConfig, env: { PORT: '-1' } }),
      hasCode(ConfigErrorCode.CONFIG_INVALID),
    );
  });
});

describe('start-up failure', () => {
  it('logs a coded failure as one fatal line without a stack', () => {
    const lines: Record<string, unknown>[] = [];
    const stream = {
      write: (line: string): number => lines.push(JSON.parse(line) as Record<string, unknown>),
    };
    const error = new DomainError({
      code: 'NETWORK_PROFILE_MISSING',
      message: 'cannot read x',
      details: { source: 'x' },
    });
    logStartupFailure(createLogger('audit', { destination: stream }), error);
    assert.equal(lines.length, 1);
    assert.partialDeepStrictEqual(lines[0], {
      level: 'fatal',
      code: 'NETWORK_PROFILE_MISSING',
      msg: 'start-up failed: cannot read x',
      details: { source: 'x' },
    });
    assert.ok(!('stack' in (lines[0] ?? {})));
  });

  it('keeps the stack of an uncoded failure, which is a bug', () => {
    const failure = describeStartupFailure(new TypeError('x is undefined'));
    assert.equal(failure.code, 'STARTUP_FAILED');
    assert.match(failure.stack ?? '', /TypeError: x is undefined/);
    assert.deepEqual(describeStartupFailure('boom'), { code: 'STARTUP_FAILED', message: 'boom' });
  });
});
