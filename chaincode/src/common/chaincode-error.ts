import { type ChaincodeErrorCode, formatChaincodeError } from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';

/**
 * A failed transaction. Its message is `[CODE] text` because the message is the only part of an error that reaches
 * the client through the peer; the ledger library parses the code back out of it.
 */
export class ChaincodeError extends DomainError<ChaincodeErrorCode> {
  constructor(code: ChaincodeErrorCode, text: string, details?: Record<string, unknown>) {
    super({ code, message: formatChaincodeError(code, text), details });
  }
}
