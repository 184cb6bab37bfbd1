import type { Account, Principal } from '@metrochain/contracts';
import { BillingErrorCode, billingError } from '../http/billing-error';

/** Who of an account a caller may be: its utility, its customer. Operators and auditors see no accounts here. */
export type AccountParty = 'utility' | 'customer';

/**
 * The object-level check of every account route: the route's role guard let the caller in, this keeps a utility to
 * its own customers and a customer to its own accounts (ACCOUNT_FORBIDDEN, 403, otherwise).
 */
export function assertAccountParty(
  account: Readonly<Account>,
  caller: Readonly<Principal>,
  parties: readonly AccountParty[],
): void {
  const allowed = parties.some((party) => caller.role === party && account[party] === caller.name);
  if (!allowed) {
    throw billingError(
      BillingErrorCode.ACCOUNT_FORBIDDEN,
      `${caller.role} ${caller.name} is not a party of account ${account.accountId}`,
      { accountId: account.accountId },
    );
  }
}
