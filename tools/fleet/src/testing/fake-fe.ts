import type { FeEncrypt } from '../readings/energy-fe-reading';

/** What the stand-in encryption answers: a valid-looking ciphertext, base64 of 32 bytes. */
export const FAKE_CIPHERTEXT = Buffer.alloc(32, 0x2a).toString('base64');

export interface FeCall {
  seed: Uint8Array;
  label: string;
  slot: number;
  valueWh: number;
}

/** Stands in for libs/fe's encryptReading (the skeleton throws until the implementation lands); records calls. */
export function fakeEncrypt(calls: FeCall[] = []): FeEncrypt {
  return (seed, label, slot, valueWh) => {
    calls.push({ seed, label, slot, valueWh });
    return FAKE_CIPHERTEXT;
  };
}

/** Stands in for libs/fe's generateSeed: 32 bytes, a different fill each call. */
export function fakeSeeds(): () => Uint8Array {
  let next = 1;
  return () => new Uint8Array(32).fill(next++);
}
