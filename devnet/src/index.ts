export { buildTopology, type Topology, type TopologyOptions } from './topology';
export { statePaths, REPO_ROOT } from './paths';
export { Supervisor, isAlive } from './process/supervisor';
export { collectStatus, type ProcessStatus } from './network/status';
export { waitHealthy, probe } from './process/health';
export { DEVNET_METER_LIMIT_READINGS } from './network/services';
export { CryptoMaterial } from './crypto/crypto-material';
