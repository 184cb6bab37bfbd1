import { DomainError } from '@metrochain/errors';

export const FeErrorCode = {
  /** The key does not open the ciphertexts within the bound: another key, meter, seed or day set. */
  FE_NO_RESULT: 'FE_NO_RESULT',
  /** Not base64 of a canonical ristretto255 encoding, or a day without exactly 96 ciphertexts. */
  FE_CIPHERTEXT_INVALID: 'FE_CIPHERTEXT_INVALID',
  /** Not base64 of two canonical scalars (64 bytes). */
  FE_KEY_INVALID: 'FE_KEY_INVALID',
  /** A reading, slot, weight vector, seed or bound outside what the scheme accepts. */
  FE_VALUE_OUT_OF_RANGE: 'FE_VALUE_OUT_OF_RANGE',
} as const;
export type FeErrorCode = (typeof FeErrorCode)[keyof typeof FeErrorCode];

export function feError(
  code: FeErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): DomainError<FeErrorCode> {
  return new DomainError({ code, message, details });
}
