import { DomainError } from '@metrochain/errors';

export const PkiErrorCode = {
  KEY_INVALID: 'KEY_INVALID',
  SIGNATURE_MALFORMED: 'SIGNATURE_MALFORMED',
  STATEMENT_INVALID: 'STATEMENT_INVALID',
  /** A service asked a meter to sign something other than the statement it expects; the meter refuses. */
  STATEMENT_UNEXPECTED: 'STATEMENT_UNEXPECTED',
  MERKLE_INVALID: 'MERKLE_INVALID',
} as const;
export type PkiErrorCode = (typeof PkiErrorCode)[keyof typeof PkiErrorCode];

export function pkiError(
  code: PkiErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): DomainError<PkiErrorCode> {
  return new DomainError({ code, message, details });
}
