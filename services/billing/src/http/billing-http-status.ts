import { HttpStatus } from '@nestjs/common';
import type { DomainError } from '@metrochain/errors';
import { FeErrorCode } from '@metrochain/fe';
import { isLedgerError } from '@metrochain/ledger';
import { BillingErrorCode } from './billing-error';

const REQUEST_STATUS: Readonly<Record<string, HttpStatus>> = {
  [BillingErrorCode.ACCOUNT_FORBIDDEN]: HttpStatus.FORBIDDEN,
  [BillingErrorCode.KEY_NOT_ISSUED]: HttpStatus.CONFLICT,
  [BillingErrorCode.PERIOD_OPEN]: HttpStatus.CONFLICT,
  // Base64 of 64 bytes as the schema asks, but not two canonical scalars: well-formed, refused on content.
  [FeErrorCode.FE_KEY_INVALID]: HttpStatus.UNPROCESSABLE_ENTITY,
};

// The ledger refused a request that passed this service's checks. 422: well-formed but refused on content.
const LEDGER_STATUS: Readonly<Record<string, HttpStatus>> = {
  INVALID_ARGUMENT: HttpStatus.UNPROCESSABLE_ENTITY,
  TARIFF_INVALID: HttpStatus.UNPROCESSABLE_ENTITY,
  TARIFF_UNKNOWN: HttpStatus.UNPROCESSABLE_ENTITY,
  KEY_POLICY_VIOLATION: HttpStatus.UNPROCESSABLE_ENTITY,
  KEY_VALIDITY_OVERLAP: HttpStatus.CONFLICT,
  KEY_MISMATCH: HttpStatus.UNPROCESSABLE_ENTITY,
  KEY_NOT_VALID_FOR_PERIOD: HttpStatus.CONFLICT,
  FE_NO_RESULT: HttpStatus.UNPROCESSABLE_ENTITY,
  FE_KEY_MISSING: HttpStatus.UNPROCESSABLE_ENTITY,
  PERIOD_OPEN: HttpStatus.CONFLICT,
  PERIOD_BEFORE_BILLING: HttpStatus.CONFLICT,
  ALREADY_EXISTS: HttpStatus.CONFLICT,
  METER_UNKNOWN: HttpStatus.UNPROCESSABLE_ENTITY,
  ACCOUNT_UNKNOWN: HttpStatus.NOT_FOUND,
  KEY_UNKNOWN: HttpStatus.NOT_FOUND,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  ROLE_FORBIDDEN: HttpStatus.FORBIDDEN,
};

/** The HTTP status of a domain error: ledger codes not listed are the upstream's failure (502). */
export function billingHttpStatus(error: DomainError): HttpStatus | undefined {
  if (isLedgerError(error)) {
    return LEDGER_STATUS[error.code] ?? HttpStatus.BAD_GATEWAY;
  }
  return REQUEST_STATUS[error.code];
}
