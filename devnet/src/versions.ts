export { VERSIONS } from '@metrochain/deployment';

export const FABRIC_BINARIES = ['peer', 'orderer', 'configtxgen', 'osnadmin', 'cryptogen'] as const;
