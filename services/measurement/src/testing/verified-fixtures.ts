import type { Reading } from '@metrochain/contracts';
import { identify } from '../readings/reading-identity';
import type { VerifiedReading } from '../recorder/verified-reading';
import { TRACEPARENT, readingOf } from './reading-fixtures';

export const VERIFIED_AT = '2025-03-01T12:00:01.000Z';

/** A verified reading as the recorder holds it, with a trace context. */
export function verifiedOf(seq: number, meterId = 'meter-1', fields: Partial<Reading> = {}): VerifiedReading {
  return {
    ...identify(readingOf(seq, meterId, fields)),
    verifiedAt: VERIFIED_AT,
    trace: { traceparent: TRACEPARENT },
  };
}
