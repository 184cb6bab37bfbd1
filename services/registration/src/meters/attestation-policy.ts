import type { AttestationMode, AttestationPolicy } from '@metrochain/contracts';
import type { Redis } from 'ioredis';

export type PolicyRedis = Pick<Redis, 'hget' | 'hset'>;

/**
 * This NMI's attestation policy per manufacturer, in one Redis hash `registration:<msp>:policy` (field =
 * manufacturer). A manufacturer without an entry is attested automatically once its model is approved.
 */
export class AttestationPolicyStore {
  readonly #redis: PolicyRedis;
  readonly #nmi: string;

  constructor(redis: PolicyRedis, nmi: string) {
    this.#redis = redis;
    this.#nmi = nmi;
  }

  async modeFor(manufacturer: string): Promise<AttestationMode> {
    const stored = await this.#redis.hget(this.#key(), manufacturer);
    return stored === 'operator-approval' ? 'operator-approval' : 'automatic';
  }

  async set(manufacturer: string, mode: AttestationMode): Promise<AttestationPolicy> {
    await this.#redis.hset(this.#key(), manufacturer, mode);
    return { nmi: this.#nmi, manufacturer, mode };
  }

  async view(manufacturer: string): Promise<AttestationPolicy> {
    return { nmi: this.#nmi, manufacturer, mode: await this.modeFor(manufacturer) };
  }

  #key(): string {
    return `registration:${this.#nmi}:policy`;
  }
}
