import { HttpStatus } from '@nestjs/common';
import { AuditErrorCode, AuditReexecutionErrorCode, AuditTraceErrorCode } from '@metrochain/contracts';
import type { DomainError } from '@metrochain/errors';
import { isLedgerError } from '@metrochain/ledger';
import { DASHBOARD_HTTP_STATUS } from '../web/dashboard-http-status';

const REQUEST_STATUS: Readonly<Record<string, HttpStatus>> = {
  [AuditErrorCode.FINDING_UNKNOWN]: HttpStatus.NOT_FOUND,
  [AuditTraceErrorCode.TRACE_UNKNOWN]: HttpStatus.NOT_FOUND,
  ...Object.fromEntries(Object.values(AuditReexecutionErrorCode).map((code) => [code, HttpStatus.NOT_FOUND])),
  [AuditReexecutionErrorCode.REEXECUTION_RANGE_INVALID]: HttpStatus.UNPROCESSABLE_ENTITY,
  ...DASHBOARD_HTTP_STATUS,
};

// The ledger refused or failed a query the audit service made for an auditor.
const LEDGER_STATUS: Readonly<Record<string, HttpStatus>> = {
  NOT_FOUND: HttpStatus.NOT_FOUND,
  INVALID_ARGUMENT: HttpStatus.UNPROCESSABLE_ENTITY,
  ROLE_FORBIDDEN: HttpStatus.FORBIDDEN,
  ALREADY_EXISTS: HttpStatus.CONFLICT,
  APPROVAL_WITHDRAWN: HttpStatus.UNPROCESSABLE_ENTITY,
};

/** The HTTP status of a domain error: ledger codes not listed are the upstream's failure (502). */
export function auditHttpStatus(error: DomainError): HttpStatus | undefined {
  if (isLedgerError(error)) {
    return LEDGER_STATUS[error.code] ?? HttpStatus.BAD_GATEWAY;
  }
  return REQUEST_STATUS[error.code];
}
