import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus, Inject } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DomainError } from '@metrochain/errors';
import { isLedgerError } from '@metrochain/ledger';
import { PkiErrorCode } from '@metrochain/pki';
import { RegistrationErrorCode } from './registration-error';

/** Body of every coded error answer. */
export interface ErrorBody {
  code: string;
  message: string;
}

// Errors found in the request itself, before the ledger is asked.
const REQUEST_STATUS: Readonly<Record<string, HttpStatus>> = {
  [RegistrationErrorCode.REQUEST_INVALID]: HttpStatus.BAD_REQUEST,
  [PkiErrorCode.KEY_INVALID]: HttpStatus.BAD_REQUEST,
  [RegistrationErrorCode.CHALLENGE_UNKNOWN]: HttpStatus.GONE,
  [RegistrationErrorCode.METER_NOT_ACTIVE]: HttpStatus.CONFLICT,
  [RegistrationErrorCode.METER_REVOKED]: HttpStatus.CONFLICT,
  [RegistrationErrorCode.KEY_REUSED]: HttpStatus.CONFLICT,
};

// The ledger refused a request that passed this service's checks: the proof or the meter's state is at fault.
const LEDGER_STATUS: Readonly<Record<string, HttpStatus>> = {
  SIGNATURE_INVALID: HttpStatus.UNPROCESSABLE_ENTITY,
  SIGNATURE_MALFORMED: HttpStatus.UNPROCESSABLE_ENTITY,
  KEY_INVALID: HttpStatus.UNPROCESSABLE_ENTITY,
  INVALID_ARGUMENT: HttpStatus.UNPROCESSABLE_ENTITY,
  ALREADY_ATTESTED: HttpStatus.CONFLICT,
  NONCE_REUSED: HttpStatus.CONFLICT,
  METER_REVOKED: HttpStatus.CONFLICT,
  METER_NOT_ACTIVE: HttpStatus.CONFLICT,
  KEY_MISMATCH: HttpStatus.CONFLICT,
  MODEL_MISMATCH: HttpStatus.CONFLICT,
  ROLE_FORBIDDEN: HttpStatus.FORBIDDEN,
  METER_UNKNOWN: HttpStatus.NOT_FOUND,
};

/** The HTTP status of a domain error: ledger codes not listed are the upstream's failure (502). */
export function httpStatusOf(error: DomainError): HttpStatus {
  if (isLedgerError(error)) {
    return LEDGER_STATUS[error.code] ?? HttpStatus.BAD_GATEWAY;
  }
  return REQUEST_STATUS[error.code] ?? HttpStatus.INTERNAL_SERVER_ERROR;
}

/** Answers DomainErrors with their mapped status and `{code, message}`; other errors keep Nest's handling. */
@Catch(DomainError)
export class DomainErrorFilter implements ExceptionFilter<DomainError> {
  readonly #adapterHost: HttpAdapterHost;

  constructor(@Inject(HttpAdapterHost) adapterHost: HttpAdapterHost) {
    this.#adapterHost = adapterHost;
  }

  catch(error: DomainError, host: ArgumentsHost): void {
    const body: ErrorBody = { code: error.code, message: error.message };
    this.#adapterHost.httpAdapter.reply(host.switchToHttp().getResponse(), body, httpStatusOf(error));
  }
}
