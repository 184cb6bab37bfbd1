import { type KeyObject, createPrivateKey, sign } from 'node:crypto';
import { type Reading, signedTextOf } from '@metrochain/contracts';
import { synthesizeEnergyWindow } from '@metrochain/sensor-signals';
import type { BenchMeter } from '../pki/meters';

/** A few realistic energy windows (one mains cycle each), made once: readings differ by meter, seq and time. */
function energyPayloads(count: number): Record<string, unknown>[] {
  // A payload is plain JSON data; the reading schema types it as a record.
  return Array.from(
    { length: count },
    (_, index) =>
      synthesizeEnergyWindow({
        vrms: 230,
        irms: 2 + index,
        phaseRad: 0.1 * index,
        frequencyHz: 50,
        sampleRateHz: 1000,
        cycles: 1,
        seed: index + 1,
      }).payload as unknown as Record<string, unknown>,
  );
}

/** Signs readings as the meters do (ECDSA P-256 over the RFC 8785 JSON without the signature). */
export class BenchReadings {
  readonly #keys = new Map<string, KeyObject>();
  readonly #seqs = new Map<string, number>();
  readonly #payloads = energyPayloads(8);
  #made = 0;

  nextSeq(meterId: string): number {
    const seq = (this.#seqs.get(meterId) ?? 0) + 1;
    this.#seqs.set(meterId, seq);
    return seq;
  }

  make(meter: BenchMeter, seq: number): Reading {
    this.#made += 1;
    const unsigned = {
      meterId: meter.id,
      seq,
      measuredAt: new Date().toISOString(),
      kind: 'energy' as const,
      payload: this.#payloads[this.#made % this.#payloads.length] ?? {},
    };
    const signature = sign('sha256', Buffer.from(signedTextOf(unsigned)), this.#keyOf(meter)).toString(
      'base64',
    );
    return { ...unsigned, signature };
  }

  #keyOf(meter: BenchMeter): KeyObject {
    let key = this.#keys.get(meter.id);
    if (key === undefined) {
      key = createPrivateKey(meter.privatePem);
      this.#keys.set(meter.id, key);
    }
    return key;
  }
}
