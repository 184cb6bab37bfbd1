import pLimit, { type LimitFunction } from 'p-limit';
import type { CommittedMeterView } from '@metrochain/contracts';
import type { RegistryClient } from '@metrochain/ledger';
import type { AttestationBatcher } from './attestation-batcher';
import type { PendingChallenge } from './challenge.store';
import { committedView } from './committed-view';

export type RegistryPort = Pick<RegistryClient, 'getMeter'>;
export type AttestationPort = Pick<AttestationBatcher, 'attest'>;

export const DEFAULT_MAX_CONCURRENT_READS = 32;

/** Attests a proven challenge on the ledger and reads the meter's record as committed. */
export class AttestAndRead {
  readonly #registry: RegistryPort;
  readonly #attestations: AttestationPort;
  readonly #reads: LimitFunction;

  constructor(
    options: Readonly<{ registry: RegistryPort; attestations: AttestationPort; maxConcurrentReads?: number }>,
  ) {
    this.#registry = options.registry;
    this.#attestations = options.attestations;
    // Record reads after attestations come at once; a burst of answers must not exhaust the peer's gateway (500).
    this.#reads = pLimit(options.maxConcurrentReads ?? DEFAULT_MAX_CONCURRENT_READS);
  }

  async attest(
    challenge: Pick<PendingChallenge, 'meterId' | 'model' | 'publicKeyPem'>,
    nonce: string,
    signature: string,
  ): Promise<CommittedMeterView> {
    const attested = await this.#attestations.attest({
      meterId: challenge.meterId,
      model: challenge.model,
      publicKeyPem: challenge.publicKeyPem,
      nonce,
      signature,
    });
    // A batch reports each meter's status only; the gateway's peer committed the block, so it reads the record.
    const meter = await this.#reads(() => this.#registry.getMeter(attested.meterId));
    return committedView({
      ...meter,
      transactionId: attested.transactionId,
      blockNumber: attested.blockNumber,
    });
  }
}
