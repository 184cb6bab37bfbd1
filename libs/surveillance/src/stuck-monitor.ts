import type { Alarm } from './alarm';
import { entropyBits } from './stats';

export interface StuckSettings {
  /** A raw payload digest seen on this many different seqs is critical. Default 3. */
  repeatThreshold: number;
  /** Distinct digests remembered per meter (least recently seen forgotten first); bounds memory on large fleets. Default 256. */
  digestMemory: number;
  /** Results quantized to this step before entropy and runs (speed, km/h). Default 0.5. */
  quantum: number;
  /** Results in the entropy window. Default 64. */
  entropyWindow: number;
  /** Entropy below this many bits over a full window alarms. Default 1.0. */
  minEntropyBits: number;
  /** This many identical quantized results in a row alarm. Default 20. */
  maxRun: number;
}

export const DEFAULT_STUCK_SETTINGS: StuckSettings = {
  repeatThreshold: 3,
  digestMemory: 256,
  quantum: 0.5,
  entropyWindow: 64,
  minEntropyBits: 1,
  maxRun: 20,
};

/**
 * Stuck or replayed sensors. Raw: the digest of the signed payload (which holds neither seq nor measuredAt) on several
 * seqs — with real ADC noise two raw captures never agree, so a third copy is a replay. Results (speed only: energy at
 * zero load is legitimately constant): low Shannon entropy of the last quantized results, or a long run of one value.
 */
export class StuckMonitor {
  readonly meterId: string;
  readonly #settings: StuckSettings;
  readonly #digests = new Map<string, number[]>();
  readonly #results: number[] = [];
  #run = 0;
  #runFirstSeq = 0;

  constructor(meterId: string, settings: Partial<StuckSettings> = {}) {
    this.meterId = meterId;
    this.#settings = { ...DEFAULT_STUCK_SETTINGS, ...settings };
  }

  /** Seqs held for all remembered digests: at most `repeatThreshold` each. */
  get heldSeqs(): number {
    let held = 0;
    for (const seqs of this.#digests.values()) {
      held += seqs.length;
    }
    return held;
  }

  /** The raw payload digest of one received reading. */
  addPayload(seq: number, payloadDigest: string): Alarm | undefined {
    const seqs = this.#digests.get(payloadDigest) ?? [];
    if (seqs.includes(seq)) {
      return undefined;
    }
    // Only the first `repeatThreshold` seqs are ever reported, so the list stops there: it used to grow by one seq
    // per reading of a payload that never changes (the hour's soak, docs/faults.md), for as long as the meter posts.
    const reported = seqs.length >= this.#settings.repeatThreshold;
    if (!reported) {
      seqs.push(seq);
    }
    this.#digests.delete(payloadDigest);
    this.#digests.set(payloadDigest, seqs);
    if (this.#digests.size > this.#settings.digestMemory) {
      const oldest = this.#digests.keys().next().value;
      if (oldest !== undefined) {
        this.#digests.delete(oldest);
      }
    }
    if (reported || seqs.length !== this.#settings.repeatThreshold) {
      return undefined;
    }
    return {
      meterId: this.meterId,
      category: 'stuck-values',
      severity: 'critical',
      summary: `${this.meterId}: the same raw payload on ${String(seqs.length)} readings (seq ${seqs.join(', ')})`,
      dedupeKey: `raw:${payloadDigest}`,
      evidence: {
        kind: 'raw-repeat',
        payloadDigest,
        seqs: [...seqs],
        threshold: this.#settings.repeatThreshold,
      },
    };
  }

  /** One speed result. */
  addResult(seq: number, value: number): Alarm | undefined {
    const settings = this.#settings;
    const quantized = Math.round(value / settings.quantum) * settings.quantum;
    const last = this.#results.at(-1);
    if (last === quantized) {
      this.#run += 1;
    } else {
      this.#run = 1;
      this.#runFirstSeq = seq;
    }
    this.#results.push(quantized);
    if (this.#results.length > settings.entropyWindow) {
      this.#results.shift();
    }
    if (this.#run === settings.maxRun) {
      return this.#alarm('run', seq, { run: this.#run, value: quantized, threshold: settings.maxRun });
    }
    if (this.#results.length === settings.entropyWindow) {
      const bits = entropyBits(this.#results);
      if (bits < settings.minEntropyBits) {
        const alarm = this.#alarm('entropy', seq, { entropyBits: bits, threshold: settings.minEntropyBits });
        // A fresh window before the next judgement.
        this.#results.length = 0;
        return alarm;
      }
    }
    return undefined;
  }

  #alarm(kind: 'run' | 'entropy', seq: number, figures: Record<string, number>): Alarm {
    const settings = this.#settings;
    const seqFrom = kind === 'run' ? this.#runFirstSeq : seq - settings.entropyWindow + 1;
    return {
      meterId: this.meterId,
      category: 'stuck-values',
      severity: 'warning',
      summary:
        kind === 'run'
          ? `${this.meterId}: ${String(figures['run'])} identical results in a row (seq ${String(seqFrom)}..${String(seq)})`
          : `${this.meterId}: entropy ${(figures['entropyBits'] ?? 0).toFixed(2)} bit of the last ${String(settings.entropyWindow)} results`,
      dedupeKey: `results:${kind}`,
      evidence: {
        kind,
        seqFrom,
        seqTo: seq,
        quantum: settings.quantum,
        recent: [...this.#results],
        ...figures,
      },
    };
  }
}
