export { buildTopology, type Topology, type TopologyOptions } from './topology';
export { statePaths, REPO_ROOT } from './paths';
export { Supervisor, isAlive } from './process/supervisor';
export { collectStatus, type ProcessStatus } from './network/status';
export { waitHealthy, probe } from './process/health';
export { DEVNET_METER_LIMIT_READINGS } from './network/services';
export { CryptoMaterial } from './crypto/crypto-material';
export {
  EXTRA_CHAINCODE_SLOTS,
  type ExtraChaincode,
  type ExtraChaincodeOptions,
  deployExtraChaincode,
  runningNetwork,
} from './network/extra-chaincode';
export {
  type BundlePatch,
  type BundleVariant,
  FINGERPRINT_LINE,
  SPEED_LINE,
  chaincodeFingerprintOf,
  writeBundleVariant,
  writeEvilSpeedVariant,
} from './network/bundle-variant';
export { type BundleFingerprint, readBundleFingerprint } from './network/bundle-store';
export { CHAINCODE_BUNDLE_DIR } from './network/chaincode';
