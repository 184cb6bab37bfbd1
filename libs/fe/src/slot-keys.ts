import { sha512 } from '@noble/hashes/sha2.js';
import { SLOTS_PER_DAY } from './constants';
import { FeErrorCode, feError } from './fe-error';
import { modOrder } from './group';
import { assertSeed } from './seed';

const SLOT_KEY_TAG = new TextEncoder().encode('METROCHAIN-FE-V1-SLOT-KEY');

/** The secret key (s_j1, s_j2) ∈ Z_q² of one slot. */
export interface SlotKey {
  readonly s1: bigint;
  readonly s2: bigint;
}

export function assertSlot(slot: number): void {
  if (!Number.isInteger(slot) || slot < 0 || slot >= SLOTS_PER_DAY) {
    throw feError(FeErrorCode.FE_VALUE_OUT_OF_RANGE, `a slot is an integer 0…${SLOTS_PER_DAY - 1}`, { slot });
  }
}

function bytesToBigIntLE(bytes: Uint8Array): bigint {
  let value = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) value = (value << 8n) | BigInt(bytes[i] ?? 0);
  return value;
}

/** s_jk = SHA-512(tag ‖ seed ‖ u32be j ‖ u8 k) mod q: 512 bits reduced, so the bias is below 2⁻²⁵⁰. */
function deriveScalar(seed: Uint8Array, slot: number, component: 1 | 2): bigint {
  const input = new Uint8Array(SLOT_KEY_TAG.length + seed.length + 5);
  input.set(SLOT_KEY_TAG, 0);
  input.set(seed, SLOT_KEY_TAG.length);
  const view = new DataView(input.buffer);
  view.setUint32(SLOT_KEY_TAG.length + seed.length, slot, false);
  input[input.length - 1] = component;
  return modOrder(bytesToBigIntLE(sha512(input)));
}

export function slotKey(seed: Uint8Array, slot: number): SlotKey {
  assertSeed(seed);
  assertSlot(slot);
  return { s1: deriveScalar(seed, slot, 1), s2: deriveScalar(seed, slot, 2) };
}

export function slotKeys(seed: Uint8Array): SlotKey[] {
  return Array.from({ length: SLOTS_PER_DAY }, (_, slot) => slotKey(seed, slot));
}
