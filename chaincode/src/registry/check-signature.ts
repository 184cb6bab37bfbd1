import {
  type CheckSignatureRequest,
  type SignatureCheck,
  checkSignatureRequestSchema,
  signatureCheckSchema,
} from '@metrochain/contracts';
import type { Context } from 'fabric-contract-api';
import { transactionTimeIso } from '../common/transaction-time';
import { parseJsonArgument } from '../common/validate-argument';
import { cachedMeterKey, signatureMatches } from './meter-keys';
import { keyAt, normalizeTimestamp, statusAt } from './meter-timeline';
import { findMeter } from './registry-state';

export function parseCheckSignatureRequest(requestJson: string): CheckSignatureRequest {
  return parseJsonArgument(checkSignatureRequestSchema, requestJson, 'signature check request');
}

/**
 * Checks a meter's signature over `data` measured at `measuredAt` (default: the transaction time) with the key the
 * meter held then. Valid only if the meter was active then and the signature verifies. An unregistered meter is a
 * verdict (status `unknown`), not an error; a signature that is not a DER ECDSA signature fails SIGNATURE_MALFORMED.
 */
export async function checkMeterSignature(
  ctx: Context,
  request: CheckSignatureRequest,
): Promise<SignatureCheck> {
  const measuredAt =
    request.measuredAt === undefined ? transactionTimeIso(ctx) : normalizeTimestamp(request.measuredAt);
  const meter = await findMeter(ctx, request.meterId);
  if (meter === undefined) {
    return { meterId: request.meterId, valid: false, status: 'unknown', measuredAt, attestedBy: [] };
  }
  const status = statusAt(meter, measuredAt);
  const key = keyAt(meter, measuredAt);
  const verifies = signatureMatches(cachedMeterKey(key.publicKeyPem), request.data, request.signature);
  return signatureCheckSchema.parse({
    meterId: meter.meterId,
    valid: status === 'active' && verifies,
    status,
    measuredAt,
    keyFingerprint: key.keyFingerprint,
    attestedBy: meter.attestations.map((attestation) => attestation.msp),
  });
}
