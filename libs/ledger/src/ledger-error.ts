import type { ChaincodeErrorCode } from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';

/** Codes for failures of the ledger link itself, as opposed to coded rejections by the chaincode. */
export const LedgerTransportCode = {
  LEDGER_UNAVAILABLE: 'LEDGER_UNAVAILABLE',
  LEDGER_TIMEOUT: 'LEDGER_TIMEOUT',
  MVCC_READ_CONFLICT: 'MVCC_READ_CONFLICT',
  ENDORSEMENT_POLICY_FAILURE: 'ENDORSEMENT_POLICY_FAILURE',
  /** Endorsing peers answered differently, typically because one had not yet committed a block the other had. */
  ENDORSEMENTS_DIFFER: 'ENDORSEMENTS_DIFFER',
  COMMIT_FAILED: 'COMMIT_FAILED',
  LEDGER_ERROR: 'LEDGER_ERROR',
} as const;
export type LedgerTransportCode = (typeof LedgerTransportCode)[keyof typeof LedgerTransportCode];

export type LedgerErrorCode = ChaincodeErrorCode | LedgerTransportCode;

// A read conflict succeeds when simulated again on fresh state, and so do endorsements that differed because peers
// were at different heights (the transaction never reached the orderer); an unreachable peer may come back. A
// timeout is deliberately not retriable: the transaction may still commit, and resubmitting it would hide that.
const RETRIABLE_CODES: ReadonlySet<LedgerErrorCode> = new Set([
  LedgerTransportCode.MVCC_READ_CONFLICT,
  LedgerTransportCode.ENDORSEMENTS_DIFFER,
  LedgerTransportCode.LEDGER_UNAVAILABLE,
]);

export function isRetriableLedgerCode(code: LedgerErrorCode): boolean {
  return RETRIABLE_CODES.has(code);
}

/** A failed ledger call: the chaincode's own code when it rejected the call, otherwise a transport code. */
export class LedgerError extends DomainError<LedgerErrorCode> {
  /** Set when the failure happened after a transaction id was assigned. */
  readonly transactionId: string | undefined;

  constructor(
    options: Readonly<{
      code: LedgerErrorCode;
      message: string;
      transactionId?: string | undefined;
      details?: Record<string, unknown>;
      cause?: unknown;
    }>,
  ) {
    const details =
      options.transactionId === undefined
        ? options.details
        : { ...options.details, transactionId: options.transactionId };
    super({
      code: options.code,
      message: options.message,
      retriable: isRetriableLedgerCode(options.code),
      details,
      cause: options.cause,
    });
    this.transactionId = options.transactionId;
  }
}

export function isLedgerError(value: unknown): value is LedgerError {
  return value instanceof LedgerError;
}
