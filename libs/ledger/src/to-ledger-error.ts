import { status as GrpcStatus } from '@grpc/grpc-js';
import { type ErrorDetail, StatusCode } from '@hyperledger/fabric-gateway';
import { parseChaincodeError } from '@metrochain/contracts';
import { LedgerError, LedgerTransportCode } from './ledger-error';

/** The shape shared by fabric-gateway's GatewayError, EndorseError, SubmitError and CommitStatusError. */
interface GatewayErrorShape extends Error {
  code: number;
  details: ErrorDetail[];
  transactionId?: unknown;
}

/** The shape of fabric-gateway's CommitError: `code` is a transaction validation code. */
interface CommitErrorShape extends Error {
  code: number;
  transactionId: string;
}

// SubmitError is exported as a type only, so errors are recognised by the class name fabric-gateway assigns.
const GATEWAY_ERROR_NAMES: ReadonlySet<string> = new Set([
  'GatewayError',
  'EndorseError',
  'SubmitError',
  'CommitStatusError',
]);

const VALIDATION_STATUS_NAMES: ReadonlyMap<number, string> = new Map(
  Object.entries(StatusCode).map(([name, code]) => [code, name]),
);

/** Maps any failure of a fabric-gateway call to a LedgerError; LedgerErrors pass through unchanged. */
export function toLedgerError(error: unknown): LedgerError {
  if (error instanceof LedgerError) {
    return error;
  }
  if (isCommitError(error)) {
    return ledgerErrorFromValidationCode(error.code, error.transactionId, error);
  }
  if (isGatewayError(error)) {
    return fromGatewayError(error);
  }
  return new LedgerError({
    code: LedgerTransportCode.LEDGER_ERROR,
    message: error instanceof Error ? error.message : String(error),
    cause: error,
  });
}

/** The error for a transaction that committed with an unsuccessful validation code. */
export function ledgerErrorFromValidationCode(
  validationCode: number,
  transactionId: string,
  cause?: unknown,
): LedgerError {
  const validationStatus = VALIDATION_STATUS_NAMES.get(validationCode) ?? 'UNKNOWN';
  return new LedgerError({
    code: codeForValidation(validationCode),
    message: `transaction ${transactionId} failed to commit: ${validationStatus} (${String(validationCode)})`,
    transactionId,
    details: { validationCode, validationStatus },
    cause,
  });
}

const GRPC_ABORTED: number = GrpcStatus.ABORTED;
// What a Fabric gateway reports when endorsers' simulation results differ.
const PAYLOADS_DIFFER = 'ProposalResponsePayloads do not match';
const GRPC_CODES: ReadonlyMap<number, LedgerTransportCode> = new Map<number, LedgerTransportCode>([
  [GrpcStatus.UNAVAILABLE, LedgerTransportCode.LEDGER_UNAVAILABLE],
  [GrpcStatus.DEADLINE_EXCEEDED, LedgerTransportCode.LEDGER_TIMEOUT],
]);

// Validation codes with a code of their own; every other unsuccessful validation is COMMIT_FAILED.
const VALIDATION_CODES: ReadonlyMap<number, LedgerTransportCode> = new Map<number, LedgerTransportCode>([
  [StatusCode.MVCC_READ_CONFLICT, LedgerTransportCode.MVCC_READ_CONFLICT],
  [StatusCode.ENDORSEMENT_POLICY_FAILURE, LedgerTransportCode.ENDORSEMENT_POLICY_FAILURE],
]);

function codeForValidation(validationCode: number): LedgerTransportCode {
  return VALIDATION_CODES.get(validationCode) ?? LedgerTransportCode.COMMIT_FAILED;
}

function fromGatewayError(error: GatewayErrorShape): LedgerError {
  const transactionId = typeof error.transactionId === 'string' ? error.transactionId : undefined;
  const details = {
    grpcCode: error.code,
    grpcStatus: GrpcStatus[error.code] ?? 'UNKNOWN',
    failedCall: error.name,
    endpoints: error.details.map(({ address, mspId, message }) => ({ address, mspId, message })),
  };
  const chaincodeError = [error.message, ...error.details.map((detail) => detail.message)]
    .map(parseChaincodeError)
    .find((parsed) => parsed !== undefined);
  if (chaincodeError !== undefined) {
    return new LedgerError({ ...chaincodeError, transactionId, details, cause: error });
  }
  return new LedgerError({
    code: transportCode(error),
    message: error.message,
    transactionId,
    details,
    cause: error,
  });
}

function transportCode(error: GatewayErrorShape): LedgerTransportCode {
  // The gateway aborts an endorsement when it cannot collect matching endorsements that satisfy the policy.
  if (error.code === GRPC_ABORTED && error.name === 'EndorseError') {
    const differ = error.details.some((detail) => detail.message.includes(PAYLOADS_DIFFER));
    return differ ? LedgerTransportCode.ENDORSEMENTS_DIFFER : LedgerTransportCode.ENDORSEMENT_POLICY_FAILURE;
  }
  return GRPC_CODES.get(error.code) ?? LedgerTransportCode.LEDGER_ERROR;
}

function isGatewayError(error: unknown): error is GatewayErrorShape {
  return (
    error instanceof Error &&
    GATEWAY_ERROR_NAMES.has(error.name) &&
    typeof (error as Partial<GatewayErrorShape>).code === 'number' &&
    Array.isArray((error as Partial<GatewayErrorShape>).details)
  );
}

function isCommitError(error: unknown): error is CommitErrorShape {
  return (
    error instanceof Error &&
    error.name === 'CommitError' &&
    typeof (error as Partial<CommitErrorShape>).code === 'number' &&
    typeof (error as Partial<CommitErrorShape>).transactionId === 'string'
  );
}
