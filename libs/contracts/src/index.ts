export * from './ledger/roles';
export * from './ledger/chaincode-errors';
export * from './ledger/governance';
export * from './events';
