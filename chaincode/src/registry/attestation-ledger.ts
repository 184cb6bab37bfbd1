import {
  DEFAULT_REGISTRY_CONFIG,
  type MeterRecord,
  type RegistryConfigRecord,
  meterRecordSchema,
  registryConfigRecordSchema,
} from '@metrochain/contracts';
import type { Context } from 'fabric-contract-api';
import { parseStoredValue, toCanonicalJson } from '../common/state';
import { type StateBatch, type StateWrite, stateBatchOf } from '../common/state-batch';
import { configKey } from './registry-config';
import { meterKey, nonceKey } from './registry-state';

type AttestationIdentity = Readonly<{ meterId: string; nonce: string }>;

/**
 * The ledger as one attest or attestBatch transaction of one NMI sees it: the registry config, the batch's meters
 * and whether the NMI used each nonce before, read in one peer message; the attested meters and used nonces written
 * in one by `flush` (per key, a 250-meter batch made ~1,250 round trips to the peer per endorsement). Fabric does
 * not let a transaction read its own writes, so what this transaction wrote is kept here: a nonce used twice in one
 * batch is seen as used the second time.
 */
export class AttestationLedger {
  readonly config: RegistryConfigRecord;
  readonly #ctx: Context;
  readonly #state: StateBatch;
  readonly #attester: string;
  readonly #meters: ReadonlyMap<string, MeterRecord | undefined>;
  readonly #usedNonces: Set<string>;
  readonly #writes: StateWrite[] = [];

  private constructor(
    ctx: Context,
    state: StateBatch,
    attester: string,
    loaded: Readonly<{
      config: RegistryConfigRecord;
      meters: ReadonlyMap<string, MeterRecord | undefined>;
      usedNonces: Set<string>;
    }>,
  ) {
    this.#ctx = ctx;
    this.#state = state;
    this.#attester = attester;
    this.config = loaded.config;
    this.#meters = loaded.meters;
    this.#usedNonces = loaded.usedNonces;
  }

  static async load(
    ctx: Context,
    attester: string,
    attestations: readonly AttestationIdentity[],
  ): Promise<AttestationLedger> {
    const state = stateBatchOf(ctx);
    const meterIds = [...new Set(attestations.map((attestation) => attestation.meterId))];
    const nonces = [...new Set(attestations.map((attestation) => attestation.nonce))];
    const values = await state.getMany([
      configKey(ctx),
      ...meterIds.map((meterId) => meterKey(ctx, meterId)),
      ...nonces.map((nonce) => nonceKey(ctx, attester, nonce)),
    ]);
    const valueAt = (index: number): Uint8Array => values[index] ?? new Uint8Array();
    const meters = new Map(
      meterIds.map((meterId, index) => [meterId, parseStoredValue(valueAt(1 + index), meterRecordSchema)]),
    );
    const usedNonces = new Set(
      nonces.filter((_nonce, index) => valueAt(1 + meterIds.length + index).length > 0),
    );
    const config = parseStoredValue(valueAt(0), registryConfigRecordSchema) ?? DEFAULT_REGISTRY_CONFIG;
    return new AttestationLedger(ctx, state, attester, { config, meters, usedNonces });
  }

  meter(meterId: string): MeterRecord | undefined {
    if (!this.#meters.has(meterId)) {
      throw new RangeError(`meter ${meterId} is not part of the loaded attestations`);
    }
    return this.#meters.get(meterId);
  }

  /** Whether the attester used the nonce before, on the ledger or earlier in this transaction. */
  nonceUsed(nonce: string): boolean {
    return this.#usedNonces.has(nonce);
  }

  /** Keeps the validated meter and its attestation's nonce for `flush`. */
  write(meter: MeterRecord, nonce: string): void {
    const json = toCanonicalJson(meterRecordSchema.parse(meter));
    this.#writes.push(
      { key: meterKey(this.#ctx, meter.meterId), value: Buffer.from(json, 'utf8') },
      {
        key: nonceKey(this.#ctx, this.#attester, nonce),
        value: Buffer.from(toCanonicalJson({ txId: this.#ctx.stub.getTxID() }), 'utf8'),
      },
    );
    this.#usedNonces.add(nonce);
  }

  async flush(): Promise<void> {
    await this.#state.putMany(this.#writes);
    this.#writes.length = 0;
  }
}
