import { computeMeasurement } from '@metrochain/lr';
import type { Contract } from 'fabric-contract-api';
import { BillingContract } from './billing/billing.contract';
import { GovernanceContract } from './governance/governance.contract';
import { RUNNING_CHAINCODE } from './identity/running-chaincode';
import { chaincodeHttpPort, startVersionEndpoint } from './identity/version-endpoint';
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

/**
 * The LR entry point exactly as this build runs it, with the fingerprint of this build: what the audit service
 * loads from the bundle store to re-execute a record. Requiring the module starts nothing (see below).
 */
export const lr = { computeMeasurement, fingerprint: RUNNING_CHAINCODE.fingerprint } as const;

// Only a chaincode server is given a port: a plain require (the audit service, the tests) listens on nothing.
const httpPort = chaincodeHttpPort(process.env);
if (httpPort !== undefined) {
  startVersionEndpoint(RUNNING_CHAINCODE, httpPort, process.env['METROCHAIN_CHAINCODE_HTTP_HOST']).catch(
    (error: unknown) => {
      process.stderr.write(`chaincode /version endpoint: ${String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
