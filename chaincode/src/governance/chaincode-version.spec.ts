import { chaincodeVersionSchema } from '@metrochain/contracts';
import { computeCodeFingerprint } from '@metrochain/lr';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { RUNNING_CHAINCODE } from '../identity/running-chaincode';
import { CHAINCODE_VERSION } from './chaincode-version';

const chaincodeDist = path.resolve(__dirname, '..');

describe('CHAINCODE_VERSION', () => {
  it('is this package version and the fingerprint of the code this process runs', () => {
    const packageJson = JSON.parse(readFileSync(path.join(chaincodeDist, '..', 'package.json'), 'utf8')) as {
      version: string;
    };
    assert.equal(chaincodeVersionSchema.safeParse(CHAINCODE_VERSION).success, true);
    assert.equal(CHAINCODE_VERSION.chaincodeVersion, packageJson.version);
    assert.equal(CHAINCODE_VERSION.lrFingerprint, RUNNING_CHAINCODE.fingerprint);
  });

  it('covers the compiled chaincode tree when the unbundled tsc output runs (unit tests)', () => {
    assert.equal(RUNNING_CHAINCODE.bundled, false);
    assert.equal(RUNNING_CHAINCODE.fingerprint, computeCodeFingerprint(chaincodeDist));
  });
});
