import type { Contract } from 'fabric-contract-api';
import { GovernanceContract } from './governance/governance.contract';

export { GovernanceContract } from './governance/governance.contract';

/** The contracts `fabric-chaincode-node server` serves from this package (its `main`). */
export const contracts: (typeof Contract)[] = [GovernanceContract];
