/**
 * Codes the chaincode reports. A chaincode error message has the form `[CODE] text`, so that clients can map the
 * code without reading the text.
 */
export const CHAINCODE_ERROR_CODES = [
  'ROLE_FORBIDDEN',
  'INVALID_ARGUMENT',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  // Meter registry (docs/pki.md).
  'KEY_INVALID',
  'KEY_MISMATCH',
  'SIGNATURE_INVALID',
  'SIGNATURE_MALFORMED',
  'ALREADY_ATTESTED',
  'NONCE_REUSED',
  'METER_UNKNOWN',
  'METER_NOT_ACTIVE',
  'METER_REVOKED',
  'MODEL_NOT_APPROVED',
  'MODEL_MISMATCH',
  'DUPLICATE_IN_BATCH',
  // LR software approval (docs/plan-audit.md §1.4): the running fingerprint is not approved for a batch's kinds, or
  // an approval withdrawn is approved again.
  'LR_NOT_APPROVED',
  'APPROVAL_WITHDRAWN',
  // Measurement (docs/measurement.md).
  'MEASUREMENT_NOT_FOUND',
  'METER_PROGRESS_NOT_FOUND',
  // Billing (docs/billing.md).
  'TARIFF_UNKNOWN',
  'TARIFF_INVALID',
  'ACCOUNT_UNKNOWN',
  'KEY_UNKNOWN',
  'KEY_POLICY_VIOLATION',
  'KEY_VALIDITY_OVERLAP',
  'KEY_NOT_VALID_FOR_PERIOD',
  'PERIOD_OPEN',
  'PERIOD_BEFORE_BILLING',
  'FE_NO_RESULT',
  'FE_KEY_MISSING',
] as const;
export type ChaincodeErrorCode = (typeof CHAINCODE_ERROR_CODES)[number];

const CODED_MESSAGE = /\[([A-Z][A-Z0-9_]*)\]\s*(.*)$/s;

export function formatChaincodeError(code: ChaincodeErrorCode, message: string): string {
  return `[${code}] ${message}`;
}

/** Finds `[CODE] text` anywhere in a message (peers wrap chaincode messages in their own text). */
export function parseChaincodeError(
  message: string,
): { code: ChaincodeErrorCode; message: string } | undefined {
  const match = CODED_MESSAGE.exec(message);
  const code = match?.[1];
  if (code === undefined || !(CHAINCODE_ERROR_CODES as readonly string[]).includes(code)) {
    return undefined;
  }
  return { code: code as ChaincodeErrorCode, message: match?.[2] ?? '' };
}
