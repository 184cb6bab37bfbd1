import { chaincodeVersionSchema } from '@metrochain/contracts';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { CHAINCODE_VERSION, readChaincodeVersion } from './chaincode-version';
import { LR_FINGERPRINT } from '@metrochain/lr';

const chaincodeDist = path.resolve(__dirname, '..');

describe('readChaincodeVersion', () => {
  it('pairs the package.json version with the fingerprint of the LR software', () => {
    const packageRoot = mkdtempSync(path.join(tmpdir(), 'metrochain-version-'));
    try {
      const dist = path.join(packageRoot, 'dist');
      mkdirSync(dist);
      writeFileSync(path.join(packageRoot, 'package.json'), JSON.stringify({ version: '7.8.9' }));
      writeFileSync(path.join(dist, 'index.js'), 'exports.contracts = [];');
      assert.deepEqual(readChaincodeVersion(dist), {
        chaincodeVersion: '7.8.9',
        lrFingerprint: LR_FINGERPRINT,
      });
    } finally {
      rmSync(packageRoot, { recursive: true, force: true });
    }
  });
});

describe('CHAINCODE_VERSION', () => {
  it('is this package version and the fingerprint of the LR library it runs', () => {
    const packageJson = JSON.parse(readFileSync(path.join(chaincodeDist, '..', 'package.json'), 'utf8')) as {
      version: string;
    };
    assert.equal(chaincodeVersionSchema.safeParse(CHAINCODE_VERSION).success, true);
    assert.equal(CHAINCODE_VERSION.chaincodeVersion, packageJson.version);
    assert.match(CHAINCODE_VERSION.lrFingerprint, /^[0-9a-f]{64}$/);
    assert.equal(CHAINCODE_VERSION.lrFingerprint, LR_FINGERPRINT);
  });
});
