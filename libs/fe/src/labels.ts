import { ristretto255_hasher } from '@noble/curves/ed25519.js';
import { BoundedCache } from './bounded-cache';
import { RistrettoPoint } from './group';

/**
 * RFC 9380 hash_to_ristretto255 (expand_message_xmd with SHA-512) under the project's own tag, so that no other
 * protocol's hash of the same bytes gives the same points.
 */
export const LABEL_DST = 'METROCHAIN-FE-V1-LABEL_ristretto255_XMD:SHA-512_R255MAP_RO_';

/** The two mask generators U₁, U₂ of a label. */
export interface LabelPoints {
  readonly u1: RistrettoPoint;
  readonly u2: RistrettoPoint;
}

/** The label of a meter's day: `meterId` and `YYYY-MM-DD`. */
export function feLabel(meterId: string, day: string): string {
  return `${meterId}|${day}`;
}

// A bill touches 31 labels and a customer's month as many: the cache spares two hash-to-group evaluations
// (about 0.4 ms) per label and call. Bounded so a long-running service does not grow.
const labelCache = new BoundedCache<string, LabelPoints>(512);
// Secret scalars multiply U₁ and U₂ 96 times a day per meter: fixed-window tables (noble's `precompute`, 4-bit
// windows, about 60 KB and 6 ms a point) make each constant-time multiplication several times faster. Few
// labels at a time: a meter or a customer works through one day after another.
const MASK_WINDOW_BITS = 4;
const maskCache = new BoundedCache<string, LabelPoints>(8);

function hashLabel(label: string, component: 1 | 2): RistrettoPoint {
  const text = new TextEncoder().encode(label);
  const message = new Uint8Array(text.length + 1);
  message.set(text);
  message[text.length] = component;
  return ristretto255_hasher.hashToCurve(message, { DST: LABEL_DST });
}

/**
 * U₁ = H(label ‖ 0x01), U₂ = H(label ‖ 0x02). Hashed to group elements and never to scalars: a scalar would give
 * the mask a known discrete logarithm.
 */
export function labelPoints(label: string): LabelPoints {
  return labelCache.getOrCreate(label, () => ({ u1: hashLabel(label, 1), u2: hashLabel(label, 2) }));
}

/** U₁, U₂ with precomputed tables for the constant-time multiplications by a meter's secret slot keys. */
export function maskGenerators(label: string): LabelPoints {
  return maskCache.getOrCreate(label, () => {
    const { u1, u2 } = labelPoints(label);
    // Copies: noble keeps the tables per point object, and the points of labelCache should stay small.
    return {
      u1: u1.add(RistrettoPoint.ZERO).precompute(MASK_WINDOW_BITS, false),
      u2: u2.add(RistrettoPoint.ZERO).precompute(MASK_WINDOW_BITS, false),
    };
  });
}
