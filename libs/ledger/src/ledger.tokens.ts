/** Injection token of the module's LedgerConnection. */
export const LEDGER_CONNECTION = 'METROCHAIN_LEDGER_CONNECTION';
