import { DomainError } from '@metrochain/errors';

/** Codes the billing service raises itself; ledger refusals keep the chaincode's codes. */
export const BillingErrorCode = {
  /** The caller is neither the account's utility nor its customer (or not the one the route is for). */
  ACCOUNT_FORBIDDEN: 'ACCOUNT_FORBIDDEN',
  /** No key of the account covers the month. */
  KEY_NOT_ISSUED: 'KEY_NOT_ISSUED',
  /** The month has not ended yet, or its grace window has not passed. */
  PERIOD_OPEN: 'PERIOD_OPEN',
} as const;
export type BillingErrorCode = (typeof BillingErrorCode)[keyof typeof BillingErrorCode];

export function billingError(
  code: BillingErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): DomainError<BillingErrorCode> {
  return new DomainError({ code, message, details });
}
