import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { LedgerConnection } from './connect-ledger';
import { GovernanceClient } from './governance.client';
import { LedgerHealthIndicator } from './ledger-health.indicator';
import { LedgerModule, type LedgerModuleOptions } from './ledger.module';
import { LEDGER_CONNECTION } from './ledger.tokens';
import { type LedgerFiles, closedEndpoint, writeLedgerFiles } from './testing/ledger-files';
import { testProfile } from './testing/test-profile';

describe('LedgerModule (no network)', () => {
  let files: LedgerFiles;
  let options: LedgerModuleOptions;
  before(async () => {
    Logger.overrideLogger(false);
    files = await writeLedgerFiles();
    options = { profile: testProfile(files, [await closedEndpoint()]), org: 'PTB', identity: 'registration' };
  });
  after(() => files.remove());

  it('provides the connection, the governance client and a health check, and closes on shutdown', async () => {
    const app = await NestFactory.createApplicationContext(LedgerModule.register(options));
    const connection = app.get<LedgerConnection>(LEDGER_CONNECTION);
    assert.equal(connection.endpoint.identityName, 'registration');
    assert.ok(app.get(GovernanceClient) instanceof GovernanceClient);

    const health = await app.get(LedgerHealthIndicator).check();
    assert.equal(health.status, 'down');
    assert.match(health.detail ?? '', /^LEDGER_UNAVAILABLE: /);

    let closes = 0;
    const close = connection.close.bind(connection);
    connection.close = (): void => {
      closes += 1;
      close();
    };
    await app.close();
    assert.equal(closes, 1);
  });

  it('registers asynchronously from a factory', async () => {
    const app = await NestFactory.createApplicationContext(
      LedgerModule.registerAsync({ useFactory: () => options }),
    );
    try {
      assert.equal(app.get<LedgerConnection>(LEDGER_CONNECTION).endpoint.org, 'PTB');
    } finally {
      await app.close();
    }
  });
});

describe('LedgerHealthIndicator', () => {
  it('is up when the chaincode reports its version', async () => {
    const governance = {
      getVersion: () => Promise.resolve({ chaincodeVersion: '0.1.0', lrFingerprint: 'f'.repeat(64) }),
    };
    const indicator = new LedgerHealthIndicator(governance);
    assert.deepEqual(await indicator.check(), { status: 'up', detail: 'chaincode 0.1.0' });
  });
});
