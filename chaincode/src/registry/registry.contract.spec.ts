import { REGISTRY_CONTRACT, RegistryTransactions } from '@metrochain/contracts';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RegistryContract } from './registry.contract';

describe('RegistryContract', () => {
  const contract = new RegistryContract();

  it('is the contract named in the contract library and implements each of its transactions', () => {
    assert.equal(contract.getName(), REGISTRY_CONTRACT);
    for (const name of Object.values(RegistryTransactions)) {
      assert.equal(typeof contract[name], 'function', name);
    }
  });

  it('declares reads as evaluate-only and string parameters after the context', () => {
    // fabric-contract-api keeps its transaction metadata with reflect-metadata, which it loads itself.
    const reflect = Reflect as unknown as { getMetadata: (key: string, target: object) => unknown };
    const metadata = reflect.getMetadata('fabric:transactions', RegistryContract.prototype) as {
      name: string;
      tag: string[];
      parameters: { schema: { type: string } }[];
    }[];
    const summary = Object.fromEntries(
      metadata.map((tx) => [
        tx.name,
        { tag: tx.tag[0], parameters: tx.parameters.map((p) => p.schema.type) },
      ]),
    );
    const submit = { tag: 'SUBMIT', parameters: ['string'] };
    const evaluate = { tag: 'EVALUATE', parameters: ['string'] };
    assert.deepEqual(summary, {
      [RegistryTransactions.attest]: submit,
      [RegistryTransactions.attestBatch]: submit,
      [RegistryTransactions.revoke]: submit,
      [RegistryTransactions.rotateKey]: submit,
      [RegistryTransactions.getMeter]: evaluate,
      [RegistryTransactions.checkSignature]: evaluate,
      [RegistryTransactions.anchorVerificationBatch]: submit,
      [RegistryTransactions.getVerificationBatch]: evaluate,
      [RegistryTransactions.getRegistryConfig]: { tag: 'EVALUATE', parameters: [] },
      [RegistryTransactions.setRegistryConfig]: submit,
    });
  });
});
