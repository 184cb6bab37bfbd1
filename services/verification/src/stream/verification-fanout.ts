import type { VerificationRecord } from '@metrochain/contracts';

/**
 * Hands a verification record to every connected auditor whose filter matches it, without waiting for any of
 * them. The stream module feeds it from `verifications.v1`; a service may also push its own outcomes here
 * directly (earlier than the topic delivers them): a record seen twice recently is sent once.
 */
export interface VerificationFanout {
  /** Whether any auditor is connected: when none is, a record need not even be decoded. */
  readonly listening: boolean;
  publish(record: Readonly<VerificationRecord>): void;
}

/** Injection token of the stream module's VerificationFanout. */
export const VERIFICATION_FANOUT = 'METROCHAIN_VERIFICATION_FANOUT';
