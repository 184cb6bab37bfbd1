import type { TraceContext } from '@metrochain/messaging';
import type { IdentifiedReading } from '../readings/reading-identity';

/** A reading from readings.verified.v1, named, with what the recorder passes on. */
export interface VerifiedReading extends IdentifiedReading {
  verifiedAt: string;
  /** The trace context that came with it from ingest through verification. */
  trace: TraceContext | undefined;
}

/** One record of readings.verified.v1 until its batch is done: its offset, and its reading unless it was poison. */
export interface RecorderItem {
  offset: string;
  /** Undefined for a record that broke the contract and went to the dead-letter topic. */
  verified: VerifiedReading | undefined;
}
