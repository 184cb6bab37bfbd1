import { HttpStatus } from '@nestjs/common';
import type { DomainError } from '@metrochain/errors';
import { isLedgerError } from '@metrochain/ledger';
import { PkiErrorCode } from '@metrochain/pki';
import { RegistrationErrorCode } from './registration-error';

// Errors found in the request itself, before the ledger is asked.
const REQUEST_STATUS: Readonly<Record<string, HttpStatus>> = {
  [RegistrationErrorCode.REQUEST_INVALID]: HttpStatus.BAD_REQUEST,
  // The body matched its schema but the key or signature in it does not parse: refused on content (docs/identity.md).
  [PkiErrorCode.KEY_INVALID]: HttpStatus.UNPROCESSABLE_ENTITY,
  [PkiErrorCode.SIGNATURE_MALFORMED]: HttpStatus.UNPROCESSABLE_ENTITY,
  [RegistrationErrorCode.CHALLENGE_UNKNOWN]: HttpStatus.GONE,
  [RegistrationErrorCode.METER_NOT_ACTIVE]: HttpStatus.CONFLICT,
  [RegistrationErrorCode.METER_REVOKED]: HttpStatus.CONFLICT,
  [RegistrationErrorCode.KEY_REUSED]: HttpStatus.CONFLICT,
  [RegistrationErrorCode.MODEL_NOT_APPROVED]: HttpStatus.UNPROCESSABLE_ENTITY,
  [RegistrationErrorCode.MODEL_NOT_YOURS]: HttpStatus.FORBIDDEN,
  [RegistrationErrorCode.REGISTRATION_NOT_HELD]: HttpStatus.NOT_FOUND,
  [RegistrationErrorCode.SIGNATURE_INVALID]: HttpStatus.UNPROCESSABLE_ENTITY,
};

// The ledger refused a request that passed this service's checks: the proof or the meter's state is at fault.
const LEDGER_STATUS: Readonly<Record<string, HttpStatus>> = {
  SIGNATURE_INVALID: HttpStatus.UNPROCESSABLE_ENTITY,
  SIGNATURE_MALFORMED: HttpStatus.UNPROCESSABLE_ENTITY,
  KEY_INVALID: HttpStatus.UNPROCESSABLE_ENTITY,
  INVALID_ARGUMENT: HttpStatus.UNPROCESSABLE_ENTITY,
  ALREADY_ATTESTED: HttpStatus.CONFLICT,
  ALREADY_EXISTS: HttpStatus.CONFLICT,
  NONCE_REUSED: HttpStatus.CONFLICT,
  METER_REVOKED: HttpStatus.CONFLICT,
  METER_NOT_ACTIVE: HttpStatus.CONFLICT,
  KEY_MISMATCH: HttpStatus.CONFLICT,
  MODEL_MISMATCH: HttpStatus.CONFLICT,
  ROLE_FORBIDDEN: HttpStatus.FORBIDDEN,
  METER_UNKNOWN: HttpStatus.NOT_FOUND,
  NOT_FOUND: HttpStatus.NOT_FOUND,
};

/**
 * The HTTP status of a domain error. A ledger failure that may pass when tried again (the NMI's peers unreachable,
 * a read conflict, endorsers at different heights) is 503: nothing was written and the client asks again later, as
 * it does for ingest. Other ledger codes not listed are the upstream's failure (502).
 */
export function registrationHttpStatus(error: DomainError): HttpStatus | undefined {
  if (isLedgerError(error)) {
    return (
      LEDGER_STATUS[error.code] ?? (error.retriable ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY)
    );
  }
  return REQUEST_STATUS[error.code];
}
