import { type Reading, formatReadingId, readingDigestOf, signedTextOf } from '@metrochain/contracts';

/** A reading before it is signed: everything but `signature`. */
export type UnsignedReading = Omit<Reading, 'signature'>;

/** The bytes a meter signs: the RFC 8785 canonical JSON of the reading without `signature` (docs/measurement.md). */
export function signedBytes(reading: UnsignedReading | Reading): Buffer {
  return Buffer.from(signedTextOf(reading), 'utf8');
}

/** SHA-256 hex of the signed bytes: the ledger's `readingDigest`. */
export function readingDigest(reading: UnsignedReading | Reading): string {
  return readingDigestOf(reading);
}

/** The id the ingest API answers for this reading: `<meterId>~<seq>~<16 hex of the digest>`. */
export function readingIdOf(reading: UnsignedReading | Reading): string {
  return formatReadingId(reading.meterId, reading.seq, readingDigestOf(reading));
}
