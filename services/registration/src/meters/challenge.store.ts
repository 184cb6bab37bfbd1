import {
  meterIdSchema,
  meterModelSchema,
  mspIdSchema,
  publicKeyPemSchema,
  sha256HexSchema,
} from '@metrochain/contracts';
import type { Redis } from 'ioredis';
import { z } from 'zod';

/** Long enough for a technician to sign with a meter on the bench, short enough that a leaked nonce soon dies. */
export const CHALLENGE_TTL_SECONDS = 300;

export const pendingChallengeSchema = z.object({
  meterId: meterIdSchema,
  model: meterModelSchema,
  publicKeyPem: publicKeyPemSchema,
  keyFingerprint: sha256HexSchema,
  attester: mspIdSchema,
});
/** What a challenge binds until the meter answers it. */
export type PendingChallenge = z.infer<typeof pendingChallengeSchema>;

/** Issued challenges, each taken at most once. */
export interface ChallengeStore {
  /** Stores the challenge under its nonce for CHALLENGE_TTL_SECONDS. */
  put(nonce: string, challenge: PendingChallenge): Promise<void>;
  /** Removes and returns the challenge; undefined when unknown, expired or already taken. */
  take(nonce: string): Promise<PendingChallenge | undefined>;
}

export type ChallengeRedis = Pick<Redis, 'set' | 'getdel'>;

export function challengeKey(nonce: string): string {
  return `registration:challenge:${nonce}`;
}

/** Redis-backed store: TTL enforces expiry, GETDEL makes taking atomic across service replicas. */
export class RedisChallengeStore implements ChallengeStore {
  readonly #redis: ChallengeRedis;

  constructor(redis: ChallengeRedis) {
    this.#redis = redis;
  }

  async put(nonce: string, challenge: PendingChallenge): Promise<void> {
    // NX: a nonce collision must never overwrite a challenge another meter is answering.
    const stored = await this.#redis.set(
      challengeKey(nonce),
      JSON.stringify(challenge),
      'EX',
      CHALLENGE_TTL_SECONDS,
      'NX',
    );
    if (stored !== 'OK') {
      throw new Error(`challenge ${nonce} already exists`);
    }
  }

  async take(nonce: string): Promise<PendingChallenge | undefined> {
    const text = await this.#redis.getdel(challengeKey(nonce));
    if (text === null) {
      return undefined;
    }
    // Validated on read as well: a record written by another version must not reach the ledger unchecked.
    return pendingChallengeSchema.parse(JSON.parse(text));
  }
}
