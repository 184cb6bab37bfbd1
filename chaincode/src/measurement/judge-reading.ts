import {
  type MeterRecord,
  type Reading,
  type ReadingRejectionReason,
  digestOfSignedText,
  signedTextOf,
} from '@metrochain/contracts';
import { isDomainError } from '@metrochain/errors';
import { type MeterPublicKey, readMeterKey, signatureMatches } from '../registry/meter-keys';
import { instantOf, keyAt, statusAt } from '../registry/meter-timeline';

/** How far a measurement time may lie after the transaction time: meters' clocks drift, a little. */
export const FUTURE_SKEW_MS = 5 * 60 * 1000;

export type Judgement =
  | Readonly<{ ok: true; readingDigest: string; keyFingerprint: string }>
  | Readonly<{ ok: false; reason: ReadingRejectionReason; detail: string }>;

/**
 * The registry's rule for one reading, as the verification service applies it: the meter must have been active at
 * `measuredAt` and the key it held then must verify the signature; the time may not lie in the future.
 */
export function judgeReading(
  reading: Readonly<Reading>,
  meter: Readonly<MeterRecord> | undefined,
  transactionTime: string,
  keyOf: (pem: string) => MeterPublicKey = readMeterKey,
): Judgement {
  if (meter === undefined) {
    return { ok: false, reason: 'METER_UNKNOWN', detail: `meter ${reading.meterId} is not registered` };
  }
  if (instantOf(reading.measuredAt) > instantOf(transactionTime) + FUTURE_SKEW_MS) {
    return { ok: false, reason: 'TIMESTAMP_IN_FUTURE', detail: `measured at ${reading.measuredAt}` };
  }
  const status = statusAt(meter, reading.measuredAt);
  if (status !== 'active') {
    const reason = status === 'revoked' ? 'METER_REVOKED' : 'METER_NOT_ACTIVE';
    return { ok: false, reason, detail: `meter ${meter.meterId} was ${status} at ${reading.measuredAt}` };
  }
  const key = keyAt(meter, reading.measuredAt);
  const signed = signedTextOf(reading);
  const verdict = verify(keyOf(key.publicKeyPem), signed, reading.signature);
  if (verdict !== 'valid') {
    return {
      ok: false,
      reason: verdict,
      detail: `signature of ${reading.meterId} seq ${String(reading.seq)}`,
    };
  }
  return {
    ok: true,
    readingDigest: digestOfSignedText(signed),
    keyFingerprint: key.keyFingerprint,
  };
}

function verify(
  key: MeterPublicKey,
  data: string,
  signature: string,
): 'valid' | 'SIGNATURE_INVALID' | 'SIGNATURE_MALFORMED' {
  try {
    return signatureMatches(key, data, signature) ? 'valid' : 'SIGNATURE_INVALID';
  } catch (error) {
    if (isDomainError(error) && error.code === 'SIGNATURE_MALFORMED') {
      return 'SIGNATURE_MALFORMED';
    }
    throw error;
  }
}
