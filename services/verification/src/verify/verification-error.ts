import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@metrochain/errors';
import { isLedgerError } from '@metrochain/ledger';
import { PkiErrorCode } from '@metrochain/pki';
import { LogErrorCode } from '../log/verification-log';

/** Codes the verification API raises itself; a ledger failure keeps the ledger's code. */
export const VerificationErrorCode = {
  REQUEST_INVALID: 'REQUEST_INVALID',
  VERIFICATION_UNKNOWN: 'VERIFICATION_UNKNOWN',
} as const;
export type VerificationErrorCode = (typeof VerificationErrorCode)[keyof typeof VerificationErrorCode];

export function verificationError(code: VerificationErrorCode, message: string): DomainError {
  return new DomainError({ code, message });
}

const STATUS: Readonly<Record<string, HttpStatus>> = {
  [VerificationErrorCode.REQUEST_INVALID]: HttpStatus.BAD_REQUEST,
  // Base64 that is no DER signature: the request matched its schema and is refused on content.
  [PkiErrorCode.SIGNATURE_MALFORMED]: HttpStatus.UNPROCESSABLE_ENTITY,
  [VerificationErrorCode.VERIFICATION_UNKNOWN]: HttpStatus.NOT_FOUND,
  [LogErrorCode.LOG_UNAVAILABLE]: HttpStatus.SERVICE_UNAVAILABLE,
};

/** Request faults are 4xx; the ledger failing is 502; other codes are the platform's (an unknown one is 500). */
export function verificationHttpStatus(error: DomainError): HttpStatus | undefined {
  if (isLedgerError(error)) {
    return HttpStatus.BAD_GATEWAY;
  }
  return STATUS[error.code];
}
