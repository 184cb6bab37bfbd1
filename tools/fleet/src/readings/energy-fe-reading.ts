import { encryptReading, feLabel } from '@metrochain/fe';
import type { FeSlot } from '../fe/fe-slots';
import { householdLoadWh } from '../fe/load-profile';
import type { BuiltReading } from './speed-reading';

/** libs/fe's `encryptReading`: the slot's Wh under the label of the meter's day, base64 of 32 bytes. */
export type FeEncrypt = (seed: Uint8Array, label: string, slot: number, valueWh: number) => string;

export interface EnergyFeReadingInput {
  meterId: string;
  seq: number;
  /** After the slot ended, or the ledger refuses it. */
  measuredAt: Date;
  /** The slot this reading closes. */
  at: FeSlot;
  /** The meter's FE seed (32 bytes), written at installation; never leaves the meter (and the customer). */
  seed: Uint8Array;
  /** Default: libs/fe's encryptReading (tests pass a stand-in). */
  encrypt?: FeEncrypt;
}

/**
 * A functionally encrypted energy meter's reading of one 15-minute slot: the meter integrated the slot's Wh itself
 * (here: the simulated household's load) and sends only its ciphertext under the label of its UTC day. The truth
 * is the Wh it encrypted.
 */
export function buildEnergyFeReading(input: EnergyFeReadingInput): BuiltReading {
  const { meterId, seq, at } = input;
  const trueWh = householdLoadWh(meterId, at);
  const encrypt = input.encrypt ?? encryptReading;
  const ciphertext = encrypt(input.seed, feLabel(meterId, at.day), at.slot, trueWh);
  return {
    reading: {
      meterId,
      seq,
      measuredAt: input.measuredAt.toISOString(),
      kind: 'energy-fe',
      payload: { day: at.day, slot: at.slot, ciphertext },
    },
    truth: { kind: 'energy-fe', meterId, seq, day: at.day, slot: at.slot, trueWh },
  };
}
