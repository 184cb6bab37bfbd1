import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigErrorCode, loadConfig } from '@metrochain/config';
import { DomainError } from '@metrochain/errors';
import { z } from 'zod';
import { platformConfigSchema, platformEnvSchema, toPlatformConfig } from './platform-config';

const schema = platformConfigSchema({ defaultPort: 3009 });

function isConfigInvalid(error: unknown): boolean {
  return error instanceof DomainError && error.code === ConfigErrorCode.CONFIG_INVALID;
}

describe('platformConfigSchema', () => {
  it('defaults to loopback, the given port, PTB, the devnet connection file and info', () => {
    const config = loadConfig(schema, {});
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 3009);
    assert.equal(config.org, 'PTB');
    assert.equal(config.logLevel, 'info');
    assert.ok(path.isAbsolute(config.networkFile));
    assert.ok(config.networkFile.endsWith(path.join('.devnet', 'network.json')));
  });

  it('takes every variable from the environment and resolves a relative network file', () => {
    const config = loadConfig(schema, {
      PORT: '4100',
      HOST: '0.0.0.0',
      METROCHAIN_ORG: 'Inmetro',
      METROCHAIN_NETWORK_FILE: 'net.json',
      LOG_LEVEL: 'debug',
      RATE_LIMIT_WRITES: '20',
      RATE_LIMIT_WINDOW_MS: '60000',
    });
    assert.deepEqual(config, {
      host: '0.0.0.0',
      port: 4100,
      org: 'Inmetro',
      networkFile: path.resolve('net.json'),
      logLevel: 'debug',
      rateLimit: { writes: 20, windowMs: 60_000 },
    });
  });

  it('reports every bad variable in one CONFIG_INVALID', () => {
    assert.throws(
      () => loadConfig(schema, { PORT: '70000', LOG_LEVEL: 'loud' }),
      (error: unknown) => {
        assert.ok(isConfigInvalid(error));
        const issues = (error as DomainError).details['issues'] as { path: string }[];
        assert.deepEqual(issues.map((issue) => issue.path).sort(), ['LOG_LEVEL', 'PORT']);
        return true;
      },
    );
    assert.throws(() => loadConfig(schema, { PORT: 'http' }), isConfigInvalid);
    assert.throws(() => loadConfig(schema, { HOST: 'localhost' }), isConfigInvalid);
    assert.throws(() => loadConfig(schema, { METROCHAIN_ORG: ' ' }), isConfigInvalid);
  });

  it('lets a service extend the variables and keep the platform part', () => {
    const extended = platformEnvSchema({ defaultPort: 3001 })
      .extend({ BATCH_SIZE: z.coerce.number().int().positive().default(100) })
      .transform((env) => ({ ...toPlatformConfig(env), batchSize: env.BATCH_SIZE }));
    const config = loadConfig(extended, { BATCH_SIZE: '50' });
    assert.equal(config.port, 3001);
    assert.equal(config.batchSize, 50);
  });
});
