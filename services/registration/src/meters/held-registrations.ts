import type { HeldRegistrationView } from '@metrochain/contracts';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { pendingChallengeSchema } from './challenge.store';

/** A registration whose proof of possession checked out, held until an operator of this NMI decides. */
export const heldRegistrationSchema = pendingChallengeSchema.extend({
  registrationId: z.string().min(1),
  signature: z.string().min(1),
  heldAt: z.string().datetime(),
});
export type HeldRegistration = z.infer<typeof heldRegistrationSchema>;

export type HeldRedis = Pick<Redis, 'hset' | 'hget' | 'hdel' | 'hvals'>;

/**
 * The approval queue of one NMI: a Redis hash `registration:<msp>:held`, field = registration id. Held entries do
 * not expire: the signed statement stays valid (the ledger refuses a reused nonce), and a decision is the operator's.
 */
export class HeldRegistrations {
  readonly #redis: HeldRedis;
  readonly #key: string;

  constructor(redis: HeldRedis, nmi: string) {
    this.#redis = redis;
    this.#key = `registration:${nmi}:held`;
  }

  async hold(entry: HeldRegistration): Promise<void> {
    await this.#redis.hset(this.#key, entry.registrationId, JSON.stringify(entry));
  }

  /** Every held registration, oldest first. */
  async list(): Promise<HeldRegistration[]> {
    const values = await this.#redis.hvals(this.#key);
    return values
      .map((text) => heldRegistrationSchema.parse(JSON.parse(text)))
      .sort((a, b) => a.heldAt.localeCompare(b.heldAt));
  }

  async get(registrationId: string): Promise<HeldRegistration | undefined> {
    const text = await this.#redis.hget(this.#key, registrationId);
    return text === null ? undefined : heldRegistrationSchema.parse(JSON.parse(text));
  }

  /** Removes the entry; false when another operator (or replica) decided first. */
  async release(registrationId: string): Promise<boolean> {
    return (await this.#redis.hdel(this.#key, registrationId)) === 1;
  }
}

/** What the API shows of a held registration: everything but the key and the signature. */
export function heldView(entry: HeldRegistration): HeldRegistrationView {
  return {
    registrationId: entry.registrationId,
    status: 'held',
    meterId: entry.meterId,
    model: entry.model,
    manufacturer: entry.manufacturer,
    keyFingerprint: entry.keyFingerprint,
    heldAt: entry.heldAt,
  };
}
