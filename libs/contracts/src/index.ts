export * from './ledger/roles';
export * from './ledger/chaincode-errors';
export * from './ledger/governance';
export * from './ledger/registry';
export * from './events';
export * from './api/verification-api';
export * from './api/registration-api';
export * from './validation/validation-issues';
