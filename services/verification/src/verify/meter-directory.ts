import { type MeterRecord, meterRecordSchema } from '@metrochain/contracts';
import { isLedgerError } from '@metrochain/ledger';
import { type MeterPublicKey, parsePublicKey } from '@metrochain/pki';

/** A registry record with its keys parsed once, so that a check costs one ECDSA verification and no PEM parsing. */
export class KnownMeter {
  readonly record: MeterRecord;
  readonly #keys = new Map<string, MeterPublicKey>();

  constructor(record: MeterRecord) {
    this.record = record;
  }

  keyOf(fingerprint: string, pem: string): MeterPublicKey {
    let key = this.#keys.get(fingerprint);
    if (key === undefined) {
      key = parsePublicKey(pem);
      this.#keys.set(fingerprint, key);
    }
    return key;
  }
}

/** The ledger read behind the caches; a RegistryClient satisfies it. */
export interface MeterSource {
  getMeter(meterId: string): Promise<MeterRecord>;
}

/** The shared cache; RedisMeterCache is the real one. */
export interface SharedMeterCache {
  /** The cached record and the meter's current generation (bumped by every invalidation). */
  read(meterId: string): Promise<{ json: string | undefined; generation: string }>;
  /** Stores only if the generation is still the one read before the ledger was asked. */
  writeIfGeneration(meterId: string, json: string, generation: string, ttlSeconds: number): Promise<void>;
  invalidate(meterId: string): Promise<void>;
}

export interface MeterDirectoryOptions {
  source: MeterSource;
  shared: SharedMeterCache;
  ttlSeconds: number;
  /** How long "no such meter" is remembered in-process; registration invalidates it anyway. Default 2 s. */
  unknownTtlMs?: number;
  /** In-process entries kept; the oldest go first. Default 200,000 (a few hundred MiB at most). */
  maxEntries?: number;
  now?: () => number;
}

interface Entry {
  meter: KnownMeter | undefined;
  expiresAt: number;
}

/**
 * Meters' registry records for signature checks: in-process first, then Redis (shared by the instances), then the
 * ledger. `invalidate` (from `meter.lifecycle.v1`) drops both levels and bumps the meter's generation, so that a
 * ledger read that started before the change cannot put the old record back. Concurrent misses share one read.
 */
export class MeterDirectory {
  readonly #options: Required<Omit<MeterDirectoryOptions, 'source' | 'shared'>>;
  readonly #source: MeterSource;
  readonly #shared: SharedMeterCache;
  readonly #entries = new Map<string, Entry>();
  readonly #loading = new Map<string, Promise<KnownMeter | undefined>>();

  constructor(options: Readonly<MeterDirectoryOptions>) {
    this.#source = options.source;
    this.#shared = options.shared;
    this.#options = {
      ttlSeconds: options.ttlSeconds,
      unknownTtlMs: options.unknownTtlMs ?? 2000,
      maxEntries: options.maxEntries ?? 200_000,
      now: options.now ?? Date.now,
    };
  }

  /** The meter, or undefined when the ledger has no such meter. Ledger and Redis failures propagate. */
  async find(meterId: string): Promise<KnownMeter | undefined> {
    const entry = this.#entries.get(meterId);
    if (entry !== undefined && entry.expiresAt > this.#options.now()) {
      return entry.meter;
    }
    const pending = this.#loading.get(meterId);
    if (pending !== undefined) {
      return pending;
    }
    // Current until an invalidation drops it: a load that was overtaken answers its caller but keeps nothing.
    const loading = this.#load(meterId, () => this.#loading.get(meterId) === loading);
    this.#loading.set(meterId, loading);
    try {
      return await loading;
    } finally {
      if (this.#loading.get(meterId) === loading) {
        this.#loading.delete(meterId);
      }
    }
  }

  /** Forgets the meter here and in Redis. */
  async invalidate(meterId: string): Promise<void> {
    this.#entries.delete(meterId);
    this.#loading.delete(meterId);
    await this.#shared.invalidate(meterId);
  }

  get size(): number {
    return this.#entries.size;
  }

  async #load(meterId: string, isCurrent: () => boolean): Promise<KnownMeter | undefined> {
    const cached = await this.#shared.read(meterId);
    if (cached.json !== undefined) {
      return this.#remember(
        meterId,
        new KnownMeter(meterRecordSchema.parse(JSON.parse(cached.json))),
        isCurrent,
      );
    }
    const record = await this.#readLedger(meterId);
    if (record === undefined) {
      return this.#remember(meterId, undefined, isCurrent);
    }
    await this.#shared.writeIfGeneration(
      meterId,
      JSON.stringify(record),
      cached.generation,
      this.#options.ttlSeconds,
    );
    return this.#remember(meterId, new KnownMeter(record), isCurrent);
  }

  async #readLedger(meterId: string): Promise<MeterRecord | undefined> {
    try {
      return await this.#source.getMeter(meterId);
    } catch (error) {
      if (isLedgerError(error) && error.code === 'METER_UNKNOWN') {
        return undefined;
      }
      throw error;
    }
  }

  #remember(
    meterId: string,
    meter: KnownMeter | undefined,
    isCurrent: () => boolean,
  ): KnownMeter | undefined {
    if (!isCurrent()) {
      return meter;
    }
    const lifetime = meter === undefined ? this.#options.unknownTtlMs : this.#options.ttlSeconds * 1000;
    this.#entries.delete(meterId);
    if (this.#entries.size >= this.#options.maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) {
        this.#entries.delete(oldest.value);
      }
    }
    this.#entries.set(meterId, { meter, expiresAt: this.#options.now() + lifetime });
    return meter;
  }
}
