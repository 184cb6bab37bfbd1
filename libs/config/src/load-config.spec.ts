import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type DomainError, isDomainError } from '@metrochain/errors';
import { z } from 'zod';
import { loadConfig } from './load-config';

const schema = z
  .object({
    HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    FABRIC_ORG: z.string().min(1),
    FABRIC_IDENTITY: z.enum(['registration', 'verification']),
  })
  .transform((env) => ({
    http: { port: env.HTTP_PORT },
    fabric: { org: env.FABRIC_ORG, identity: env.FABRIC_IDENTITY },
  }));

function catchError(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    assert.ok(isDomainError(error));
    return error;
  }
  assert.fail('expected an error');
}

describe('loadConfig', () => {
  it('turns valid variables into the typed nested config, with defaults', () => {
    const config = loadConfig(schema, { FABRIC_ORG: 'PTB', FABRIC_IDENTITY: 'registration', UNRELATED: 'x' });
    assert.deepEqual(config, { http: { port: 3000 }, fabric: { org: 'PTB', identity: 'registration' } });
  });

  it('coerces numbers from strings', () => {
    const config = loadConfig(schema, {
      HTTP_PORT: '8080',
      FABRIC_ORG: 'PTB',
      FABRIC_IDENTITY: 'verification',
    });
    assert.equal(config.http.port, 8080);
  });

  it('reports every invalid variable in one CONFIG_INVALID error', () => {
    const error = catchError(() => loadConfig(schema, { HTTP_PORT: 'abc', FABRIC_IDENTITY: 'billing' }));
    assert.equal(error.code, 'CONFIG_INVALID');
    assert.equal(error.retriable, false);
    const issues = error.details['issues'] as { path: string }[];
    assert.deepEqual(issues.map((issue) => issue.path).sort(), [
      'FABRIC_IDENTITY',
      'FABRIC_ORG',
      'HTTP_PORT',
    ]);
    assert.match(error.message, /HTTP_PORT: .*FABRIC_ORG: .*FABRIC_IDENTITY: /);
  });

  it('names nested paths and root-level refinements', () => {
    const nested = z.object({ a: z.object({ b: z.string() }) }).refine(() => false, 'never valid');
    const error = catchError(() => loadConfig(nested, { a: undefined }));
    const paths = (error.details['issues'] as { path: string }[]).map((issue) => issue.path);
    assert.deepEqual(paths, ['a']);
    const rootError = catchError(() =>
      loadConfig(
        z.object({}).refine(() => false, 'never valid'),
        {},
      ),
    );
    assert.deepEqual(rootError.details['issues'], [{ path: '(root)', message: 'never valid' }]);
  });

  it('reads process.env by default', () => {
    process.env['METROCHAIN_CONFIG_SPEC_VALUE'] = 'from-process';
    const config = loadConfig(z.object({ METROCHAIN_CONFIG_SPEC_VALUE: z.string() }));
    delete process.env['METROCHAIN_CONFIG_SPEC_VALUE'];
    assert.equal(config.METROCHAIN_CONFIG_SPEC_VALUE, 'from-process');
  });
});
