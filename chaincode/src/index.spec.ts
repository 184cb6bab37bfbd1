import {
  BILLING_CONTRACT,
  GOVERNANCE_CONTRACT,
  MEASUREMENT_CONTRACT,
  REGISTRY_CONTRACT,
} from '@metrochain/contracts';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BillingContract } from './billing/billing.contract';
import { GovernanceContract } from './governance/governance.contract';
import { contracts } from './index';
import { MeasurementContract } from './measurement/measurement.contract';
import { RegistryContract } from './registry/registry.contract';

describe('chaincode entry point', () => {
  it('exports the contracts fabric-chaincode-node serves', () => {
    assert.deepEqual(contracts, [GovernanceContract, RegistryContract, MeasurementContract, BillingContract]);
    assert.deepEqual(
      contracts.map((Contract) => new Contract().getName()),
      [GOVERNANCE_CONTRACT, REGISTRY_CONTRACT, MEASUREMENT_CONTRACT, BILLING_CONTRACT],
    );
  });
});
