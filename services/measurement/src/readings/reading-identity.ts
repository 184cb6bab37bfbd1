import { createHash } from 'node:crypto';
import { type Reading, formatReadingId } from '@metrochain/contracts';
import canonicalize from 'canonicalize';

/** A reading with what names it: the SHA-256 of its signed bytes and the id ingest answered with. */
export interface IdentifiedReading {
  reading: Reading;
  readingDigest: string;
  readingId: string;
}

/** SHA-256 hex of the signed bytes: the RFC 8785 canonical JSON of the reading without its signature. */
export function readingDigestOf(reading: Readonly<Reading>): string {
  const signed = Object.fromEntries(Object.entries(reading).filter(([field]) => field !== 'signature'));
  const text = canonicalize(signed);
  if (text === undefined) {
    throw new TypeError(`reading ${reading.meterId}/${String(reading.seq)} cannot be canonicalised`);
  }
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The same reading always gets the same id; another reading reusing its `seq` gets another one. */
export function identify(reading: Reading): IdentifiedReading {
  const readingDigest = readingDigestOf(reading);
  return { reading, readingDigest, readingId: formatReadingId(reading.meterId, reading.seq, readingDigest) };
}
