import { DEFAULT_REGISTRY_CONFIG, registryConfigRecordSchema } from '@metrochain/contracts';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chaincodeErrorWithCode } from '../testing/chaincode-error-matcher';
import { newStubContext } from '../testing/stub-context';
import { T0, contract, isoAt, txAs } from './testing/registry-fixtures';

describe('registry config', () => {
  it('reads the defaults (two attestations, any model) while none is set', async () => {
    const { ctx, stub } = newStubContext();
    assert.deepEqual(JSON.parse(await contract.getRegistryConfig(ctx)), DEFAULT_REGISTRY_CONFIG);
    assert.equal(stub.writtenKeys.length, 0);
  });

  it('lets governance set it, recording who set it when, with models sorted and unique', async () => {
    const state = new Map<string, Uint8Array>();
    const { ctx } = txAs('governance', 'INMETROMSP', { state, txId: 'tx-config' });
    const config = { requiredAttestations: 3, approvedModels: ['EM-340', 'AB-1', 'EM-340'] };
    const json = await contract.setRegistryConfig(ctx, JSON.stringify(config));
    const expected = {
      requiredAttestations: 3,
      approvedModels: ['AB-1', 'EM-340'],
      updated: { by: 'INMETROMSP', at: isoAt(T0), txId: 'tx-config' },
    };
    assert.deepEqual(registryConfigRecordSchema.parse(JSON.parse(json)), expected);
    assert.equal(await contract.getRegistryConfig(newStubContext({ state }).ctx), json);
  });

  it('refuses other roles and fewer than one required attestation, writing nothing', async () => {
    const registrar = txAs('registrar', 'PTBMSP');
    const valid = JSON.stringify({ requiredAttestations: 1, approvedModels: [] });
    await assert.rejects(
      contract.setRegistryConfig(registrar.ctx, valid),
      chaincodeErrorWithCode('ROLE_FORBIDDEN'),
    );
    const governance = txAs('governance', 'PTBMSP');
    const zero = JSON.stringify({ requiredAttestations: 0, approvedModels: [] });
    await assert.rejects(
      contract.setRegistryConfig(governance.ctx, zero),
      chaincodeErrorWithCode('INVALID_ARGUMENT'),
    );
    assert.deepEqual([registrar.stub.writtenKeys, governance.stub.writtenKeys], [[], []]);
  });
});
