import { ristretto255_hasher } from '@noble/curves/ed25519.js';
import type { RistrettoPoint } from './group';

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

// A meter encrypts 96 slots under one label and a bill touches 31 labels: a small cache spares the two
// hash-to-group evaluations (about 0.4 ms) per call. Bounded so a long-running service does not grow.
const CACHE_LIMIT = 512;
const cache = new Map<string, LabelPoints>();

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
  const cached = cache.get(label);
  if (cached !== undefined) {
    cache.delete(label);
    cache.set(label, cached);
    return cached;
  }
  const points: LabelPoints = { u1: hashLabel(label, 1), u2: hashLabel(label, 2) };
  cache.set(label, points);
  if (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  return points;
}
