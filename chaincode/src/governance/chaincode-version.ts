import { type ChaincodeVersion, chaincodeVersionSchema } from '@metrochain/contracts';
import { RUNNING_CHAINCODE } from '../identity/running-chaincode';

/**
 * Identity of the running chaincode: its package version and the fingerprint of the code it runs (the bundle plus
 * the pinned externals, identity/running-chaincode.ts), which notified bodies approve per meter kind.
 */
export const CHAINCODE_VERSION: ChaincodeVersion = chaincodeVersionSchema.parse({
  chaincodeVersion: RUNNING_CHAINCODE.chaincodeVersion,
  lrFingerprint: RUNNING_CHAINCODE.fingerprint,
});
