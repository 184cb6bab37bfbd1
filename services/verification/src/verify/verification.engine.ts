import { hash } from 'node:crypto';
import type { VerificationRecord } from '@metrochain/contracts';
import type { DerSignature } from '@metrochain/pki';
import type { MeterDirectory } from './meter-directory';
import { judgeSignature } from './meter-verdict';

export type VerificationSource = VerificationRecord['source'];

/** One check: `data` is exactly the signed bytes (UTF-8 text or the reading's canonical JSON). */
export interface VerificationInput {
  source: VerificationSource;
  meterId: string;
  data: string | Uint8Array;
  /** Base64 DER (a malformed one is logged as SIGNATURE_MALFORMED), or the DER `decodeSignature` checked. */
  signature: string | DerSignature;
  /** Default: the time of the check. */
  measuredAt?: string | undefined;
  seq?: number | undefined;
}

type WithoutId<T> = T extends unknown ? Omit<T, 'verificationId'> : never;
/** A record before the log gave it its id. */
export type VerificationDraft = WithoutId<VerificationRecord>;

/** Where every check goes; VerificationLog is the real one. */
export interface VerificationSink {
  append(draft: VerificationDraft): Promise<VerificationRecord>;
}

export interface VerificationEngineOptions {
  directory: Pick<MeterDirectory, 'find'>;
  log: VerificationSink;
  /** This NMI's MSP id, recorded as `verifiedBy`. */
  verifiedBy: string;
  futureSkewMs: number;
  now?: () => number;
}

/** Checks a signature against the registry (through the caches) and appends the outcome to the log. */
export class VerificationEngine {
  readonly #options: Readonly<VerificationEngineOptions>;
  readonly #now: () => number;

  constructor(options: Readonly<VerificationEngineOptions>) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  async verify(input: Readonly<VerificationInput>): Promise<VerificationRecord> {
    const now = this.#now();
    const checkedAt = new Date(now).toISOString();
    const measuredAt = input.measuredAt === undefined ? checkedAt : new Date(input.measuredAt).toISOString();
    const meter = await this.#options.directory.find(input.meterId);
    const verdict = judgeSignature(
      meter,
      { data: input.data, signature: input.signature, measuredAt },
      now + this.#options.futureSkewMs,
    );
    return this.#options.log.append({
      ...verdict,
      source: input.source,
      meterId: input.meterId,
      ...(input.seq === undefined ? {} : { seq: input.seq }),
      dataDigest: hash('sha256', input.data, 'hex'),
      measuredAt,
      verifiedBy: this.#options.verifiedBy,
      checkedAt,
    });
  }
}
