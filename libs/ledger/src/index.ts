export {
  type ChaincodeEventHandler,
  type ChaincodeEventReaderOptions,
  type ChaincodeEventSource,
  ChaincodeEventReader,
  newChaincodeEventReader,
  parseEventPayload,
} from './chaincode-event-reader';
export {
  type ChainInfo,
  type ChainReader,
  type ChainReaderOptions,
  type PeerBlockHeader,
  decodeChainInfo,
  newChainReader,
} from './chain-reader';
export { type ConnectLedgerOptions, type LedgerConnection, connectLedger } from './connect-ledger';
export { type BillingClientOptions, type BillingContract, BillingClient } from './billing.client';
export { type GovernanceContract, GovernanceClient } from './governance.client';
export {
  type GatewayCallOptions,
  type LedgerDeadlines,
  DEFAULT_LEDGER_DEADLINES,
  gatewayCallOptions,
  resolveLedgerDeadlines,
} from './ledger-deadlines';
export { type LedgerEndpoint, type LedgerEndpointOptions, selectLedgerEndpoint } from './ledger-endpoint';
export {
  type LedgerErrorCode,
  LedgerError,
  LedgerTransportCode,
  isLedgerError,
  isRetriableLedgerCode,
} from './ledger-error';
export { type LedgerHealth, LedgerHealthIndicator } from './ledger-health.indicator';
export {
  type CommittedTransaction,
  type ProposalExtras,
  type SubmittedTransactionResult,
  type TransactionArgument,
  evaluateTransaction,
  submitTransaction,
} from './ledger-transaction';
export { LEDGER_MODULE_OPTIONS, type LedgerModuleOptions, LedgerModule } from './ledger.module';
export { LEDGER_CONNECTION } from './ledger.tokens';
export { type MeasurementContract, MeasurementClient } from './measurement.client';
export { type RegistryContract, RegistryClient } from './registry.client';
export {
  type RetryOptions,
  DEFAULT_RETRY_ATTEMPTS,
  DEFAULT_RETRY_BASE_DELAY_MS,
  DEFAULT_RETRY_MAX_DELAY_MS,
  backoffDelay,
  submitWithRetry,
} from './submit-with-retry';
export { ledgerErrorFromValidationCode, toLedgerError } from './to-ledger-error';
export * from './blocks';
