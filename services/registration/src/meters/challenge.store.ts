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
  /** The manufacturer principal that asked; only it may answer (object-level check). */
  manufacturer: z.string().min(1),
});
/** What a registration challenge binds until the meter answers it. */
export type PendingChallenge = z.infer<typeof pendingChallengeSchema>;

export const pendingRotationSchema = z.object({
  meterId: meterIdSchema,
  oldKeyFingerprint: sha256HexSchema,
  newPublicKeyPem: publicKeyPemSchema,
  newKeyFingerprint: sha256HexSchema,
});
/** What a rotation challenge binds until both keys answered it. */
export type PendingRotation = z.infer<typeof pendingRotationSchema>;

/** Issued challenges of one kind, each taken at most once. */
export interface PendingStore<T> {
  /** Stores the challenge under its nonce for CHALLENGE_TTL_SECONDS. */
  put(nonce: string, pending: T): Promise<void>;
  /** Removes and returns the challenge; undefined when unknown, expired or already taken. */
  take(nonce: string): Promise<T | undefined>;
}
export type ChallengeStore = PendingStore<PendingChallenge>;
export type RotationStore = PendingStore<PendingRotation>;

export type ChallengeRedis = Pick<Redis, 'set' | 'getdel'>;

export function challengeKey(nonce: string): string {
  return `registration:challenge:${nonce}`;
}

export function rotationKey(nonce: string): string {
  return `registration:rotation:${nonce}`;
}

/** Redis-backed store: TTL enforces expiry, GETDEL makes taking atomic across service replicas. */
export class RedisPendingStore<T> implements PendingStore<T> {
  readonly #redis: ChallengeRedis;
  readonly #keyOf: (nonce: string) => string;
  readonly #schema: z.ZodType<T, z.ZodTypeDef, unknown>;

  constructor(
    redis: ChallengeRedis,
    options: Readonly<{ keyOf: (nonce: string) => string; schema: z.ZodType<T, z.ZodTypeDef, unknown> }>,
  ) {
    this.#redis = redis;
    this.#keyOf = options.keyOf;
    this.#schema = options.schema;
  }

  async put(nonce: string, pending: T): Promise<void> {
    // NX: a nonce collision must never overwrite a challenge another meter is answering.
    const stored = await this.#redis.set(
      this.#keyOf(nonce),
      JSON.stringify(pending),
      'EX',
      CHALLENGE_TTL_SECONDS,
      'NX',
    );
    if (stored !== 'OK') {
      throw new Error(`challenge ${nonce} already exists`);
    }
  }

  async take(nonce: string): Promise<T | undefined> {
    const text = await this.#redis.getdel(this.#keyOf(nonce));
    if (text === null) {
      return undefined;
    }
    // Validated on read as well: a record written by another version must not reach the ledger unchecked.
    return this.#schema.parse(JSON.parse(text));
  }
}

/** Registration challenges under `registration:challenge:<nonce>`. */
export class RedisChallengeStore extends RedisPendingStore<PendingChallenge> {
  constructor(redis: ChallengeRedis) {
    super(redis, { keyOf: challengeKey, schema: pendingChallengeSchema });
  }
}

/** Rotation challenges under `registration:rotation:<nonce>`, apart from registrations so neither answers the other. */
export class RedisRotationStore extends RedisPendingStore<PendingRotation> {
  constructor(redis: ChallengeRedis) {
    super(redis, { keyOf: rotationKey, schema: pendingRotationSchema });
  }
}
