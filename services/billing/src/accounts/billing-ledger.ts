import type { BillingClient } from '@metrochain/ledger';

/** What the billing service asks of the billing contract (its own ledger identity, role `billing`). */
export type BillingLedger = Pick<
  BillingClient,
  | 'approveTariff'
  | 'getTariff'
  | 'listTariffs'
  | 'openAccount'
  | 'getAccount'
  | 'issueKey'
  | 'listKeys'
  | 'computeStatement'
  | 'getStatement'
  | 'listStatements'
  | 'listCiphertexts'
>;
