import type { Contract } from 'fabric-contract-api';
import { BillingContract } from './billing/billing.contract';
import { GovernanceContract } from './governance/governance.contract';
import { MeasurementContract } from './measurement/measurement.contract';
import { RegistryContract } from './registry/registry.contract';

export { BillingContract } from './billing/billing.contract';
export { GovernanceContract } from './governance/governance.contract';
export { MeasurementContract } from './measurement/measurement.contract';
export { RegistryContract } from './registry/registry.contract';

/** The contracts `fabric-chaincode-node server` serves from this package (its `main`). */
export const contracts: (typeof Contract)[] = [
  GovernanceContract,
  RegistryContract,
  MeasurementContract,
  BillingContract,
];
