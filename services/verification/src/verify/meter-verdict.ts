import type { ReadingRejectionReason, VerificationRecord } from '@metrochain/contracts';
import { isDomainError } from '@metrochain/errors';
import { type DerSignature, PkiErrorCode, keyAt, statusAt, verifySignature } from '@metrochain/pki';
import type { KnownMeter } from './meter-directory';

/** What is checked: the signed bytes, the signature, and the time the data was measured (UTC ISO). */
export interface SignedData {
  data: string | Uint8Array;
  /** Base64 DER, or the DER once `decodeSignature` checked it. */
  signature: string | DerSignature;
  measuredAt: string;
}

/** The parts of a log record that the check decides. */
export type Verdict = Pick<VerificationRecord, 'meterStatus' | 'keyFingerprint' | 'attestedBy'> &
  ({ outcome: 'valid' } | { outcome: 'invalid'; reason: ReadingRejectionReason });

/**
 * The verdict on `signed` for `meter` — the ledger's rule (valid only if the meter was active at the measurement
 * time and the key it held then verifies), computed off-ledger with the same timeline functions as the chaincode.
 * When several things are wrong the first of this order is reported: unknown meter, measured in the future,
 * malformed signature, signature not verifying, meter revoked, meter not (yet) active.
 */
export function judgeSignature(
  meter: KnownMeter | undefined,
  signed: Readonly<SignedData>,
  latestAcceptedMs: number,
): Verdict {
  if (meter === undefined) {
    return { outcome: 'invalid', reason: 'METER_UNKNOWN', meterStatus: 'unknown', attestedBy: [] };
  }
  const { record } = meter;
  const key = keyAt(record, signed.measuredAt);
  const meterStatus = statusAt(record, signed.measuredAt);
  const known = {
    meterStatus,
    keyFingerprint: key.keyFingerprint,
    attestedBy: record.attestations.map((attestation) => attestation.msp),
  };
  const reason = firstProblem(meter, key, signed, latestAcceptedMs) ?? statusProblem(meterStatus);
  return reason === undefined ? { ...known, outcome: 'valid' } : { ...known, outcome: 'invalid', reason };
}

function firstProblem(
  meter: KnownMeter,
  key: Readonly<{ keyFingerprint: string; publicKeyPem: string }>,
  signed: Readonly<SignedData>,
  latestAcceptedMs: number,
): ReadingRejectionReason | undefined {
  if (Date.parse(signed.measuredAt) > latestAcceptedMs) {
    return 'TIMESTAMP_IN_FUTURE';
  }
  try {
    const publicKey = meter.keyOf(key.keyFingerprint, key.publicKeyPem);
    return verifySignature(publicKey, signed.data, signed.signature) ? undefined : 'SIGNATURE_INVALID';
  } catch (error) {
    if (isDomainError(error) && error.code === PkiErrorCode.SIGNATURE_MALFORMED) {
      return 'SIGNATURE_MALFORMED';
    }
    throw error;
  }
}

function statusProblem(status: 'pending' | 'active' | 'revoked'): ReadingRejectionReason | undefined {
  if (status === 'revoked') {
    return 'METER_REVOKED';
  }
  return status === 'pending' ? 'METER_NOT_ACTIVE' : undefined;
}
