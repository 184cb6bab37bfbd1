import { GOVERNANCE_CONTRACT } from '@metrochain/contracts';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GovernanceContract } from './governance/governance.contract';
import { contracts } from './index';

describe('chaincode entry point', () => {
  it('exports the contracts fabric-chaincode-node serves', () => {
    assert.deepEqual(contracts, [GovernanceContract]);
    assert.deepEqual(
      contracts.map((Contract) => new Contract().getName()),
      [GOVERNANCE_CONTRACT],
    );
  });
});
