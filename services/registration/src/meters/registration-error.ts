import { DomainError } from '@metrochain/errors';

/** Codes the registration service raises itself; ledger rejections keep the chaincode's codes. */
export const RegistrationErrorCode = {
  REQUEST_INVALID: 'REQUEST_INVALID',
  CHALLENGE_UNKNOWN: 'CHALLENGE_UNKNOWN',
  // Checked before a rotation challenge is issued, so that a meter never signs a statement the ledger must refuse.
  METER_NOT_ACTIVE: 'METER_NOT_ACTIVE',
  METER_REVOKED: 'METER_REVOKED',
  KEY_REUSED: 'KEY_REUSED',
  MODEL_NOT_APPROVED: 'MODEL_NOT_APPROVED',
  MODEL_NOT_YOURS: 'MODEL_NOT_YOURS',
  REGISTRATION_NOT_HELD: 'REGISTRATION_NOT_HELD',
  SIGNATURE_INVALID: 'SIGNATURE_INVALID',
} as const;
export type RegistrationErrorCode = (typeof RegistrationErrorCode)[keyof typeof RegistrationErrorCode];

export function registrationError(
  code: RegistrationErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): DomainError<RegistrationErrorCode> {
  return new DomainError({ code, message, details });
}
