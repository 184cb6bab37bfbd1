import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { serviceVersionSchema } from '@metrochain/contracts';
import { createLogger } from '@metrochain/observability';
import { createHttpApp } from '../bootstrap/create-http-app';
import { LR_FINGERPRINT_FILE_ENV, readBuildVersion } from './build-version';
import { SERVICE_VERSION, VersionController } from './version.controller';

const scratch = mkdtempSync(path.join(tmpdir(), 'metrochain-version-'));
const FINGERPRINT = 'c'.repeat(64);

/** A repository root (package.json with workspaces) holding a service folder and, optionally, a bundle. */
function repository(name: string, fingerprint?: unknown): string {
  const root = path.join(scratch, name);
  mkdirSync(path.join(root, 'services', 'audit', 'dist'), { recursive: true });
  writeFileSync(
    path.join(root, 'package.json'),
    JSON.stringify({ version: '0.4.2', workspaces: ['services/*'] }),
  );
  writeFileSync(path.join(root, 'services', 'audit', 'package.json'), JSON.stringify({ version: '9.9.9' }));
  if (fingerprint !== undefined) {
    mkdirSync(path.join(root, 'chaincode', 'bundle'), { recursive: true });
    writeFileSync(
      path.join(root, 'chaincode', 'bundle', 'fingerprint.json'),
      JSON.stringify({ fingerprint }),
    );
  }
  return path.join(root, 'services', 'audit', 'dist');
}

after(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('readBuildVersion', () => {
  it("names the service, the repository's version and the fingerprint of the bundle the build ships", () => {
    assert.deepEqual(readBuildVersion('audit', { from: repository('built', FINGERPRINT), env: {} }), {
      service: 'audit',
      version: '0.4.2',
      lrFingerprint: FINGERPRINT,
    });
  });

  it('says null without a bundle or with a malformed fingerprint, and reads the file the environment names', () => {
    assert.equal(readBuildVersion('audit', { from: repository('bare'), env: {} }).lrFingerprint, null);
    assert.equal(readBuildVersion('audit', { from: repository('bad', 'xyz'), env: {} }).lrFingerprint, null);
    const file = path.join(scratch, 'elsewhere.json');
    writeFileSync(file, JSON.stringify({ fingerprint: 'd'.repeat(64) }));
    const version = readBuildVersion('audit', {
      from: repository('bare2'),
      env: { [LR_FINGERPRINT_FILE_ENV]: file },
    });
    assert.equal(version.lrFingerprint, 'd'.repeat(64));
  });
});

@Module({
  controllers: [VersionController],
  providers: [
    { provide: SERVICE_VERSION, useValue: { service: 'audit', version: '0.4.2', lrFingerprint: null } },
  ],
})
class VersionOnlyModule {}

describe('GET /version', () => {
  let app: NestFastifyApplication;
  before(async () => {
    const logger = createLogger('spec', { level: 'silent' });
    app = await createHttpApp({ serviceName: 'audit', module: VersionOnlyModule, logger });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  after(() => app.close());

  it('answers anyone, without credentials, with the schema of the contract library', async () => {
    const response = await app.inject({ method: 'GET', url: '/version' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(serviceVersionSchema.parse(response.json()), {
      service: 'audit',
      version: '0.4.2',
      lrFingerprint: null,
    });
  });
});
