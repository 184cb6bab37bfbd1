import { type Reading, formatReadingId, readingDigestOf } from '@metrochain/contracts';

/** A reading with what names it: the SHA-256 of its signed bytes and the id ingest answered with. */
export interface IdentifiedReading {
  reading: Reading;
  readingDigest: string;
  readingId: string;
}

/** The same reading always gets the same id; another reading reusing its `seq` gets another one. */
export function identify(reading: Reading): IdentifiedReading {
  const readingDigest = readingDigestOf(reading);
  return { reading, readingDigest, readingId: formatReadingId(reading.meterId, reading.seq, readingDigest) };
}
