import { ristretto255_hasher } from '@noble/curves/ed25519.js';
import { expand_message_xmd } from '@noble/curves/abstract/hash-to-curve.js';
import { sha512 } from '@noble/hashes/sha2.js';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { parseCiphertext } from './ciphertext';
import { functionalKey, parseFunctionalKey } from './functional-key';
import { GROUP_ORDER, RistrettoPoint, mulPublic } from './group';
import { LABEL_DST, feLabel, labelPoints } from './labels';
import { encryptReading } from './reading';

// Meters, the customer tool and the chaincode must agree on these bytes across releases: a change here is a
// change of the scheme (a new DST and format version), never a refactoring.
const SEED = Uint8Array.from({ length: 32 }, (_, i) => i);
const LABEL = feLabel('meter-0001', '2026-01-15');
const U1 = '269ecfd8bcc7e3e50a628dc4f527b96b1753161514d170633d63923d0d74c708';
const U2 = '547c914a5ef99ae9a58c295227c23c2cf81b6efe6a4592e147ae91175b361510';
const CIPHERTEXTS: readonly (readonly [number, number, string])[] = [
  [0, 0, 'wASE94IKSbb7cQ3tpjJz06s+nKiV4o0XIk5acbZuvX0='],
  [95, 1234, '0O7chYRjAcAU1mxW+yNNd9LYhMh3Kyx3X9USsVzzb2A='],
  [42, -17, 'CE/yydc7/tie/43VXR+ix6vZRqFadoBtnDKquXQHrww='],
];
const WEIGHTS = Array.from({ length: 96 }, (_, slot) => (slot < 32 ? 25 : slot < 64 ? 32 : 41));
const KEY = 'wSaJk+QZ7ai/MXljrcFEBdnB3A2VMNhoVpnAhruNwQbjRSXSLDIAh+mM9JvNP2DgHh3ggWbti2clcI4RhVc1AA==';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** The slot key written out from the spec with node's SHA-512, independent of slot-keys.ts. */
function specSlotScalar(slot: number, component: number): bigint {
  const index = Buffer.alloc(5);
  index.writeUInt32BE(slot, 0);
  index[4] = component;
  const digest = createHash('sha512').update('METROCHAIN-FE-V1-SLOT-KEY').update(SEED).update(index).digest();
  return BigInt(`0x${Buffer.from(digest).reverse().toString('hex')}`) % GROUP_ORDER;
}

describe('pinned FE vectors', () => {
  it('hashes a label to U₁, U₂ with RFC 9380 hash_to_ristretto255 under the project DST', () => {
    const { u1, u2 } = labelPoints(LABEL);
    assert.equal(hex(u1.toBytes()), U1);
    assert.equal(hex(u2.toBytes()), U2);
    const message = Buffer.concat([Buffer.from(LABEL, 'utf8'), Buffer.from([1])]);
    const uniform = expand_message_xmd(message, LABEL_DST, 64, sha512);
    assert.ok(ristretto255_hasher.deriveToCurve?.(uniform).equals(u1));
  });

  it('encrypts c = s₁·U₁ + s₂·U₂ + x·G to the pinned bytes', () => {
    const { u1, u2 } = labelPoints(LABEL);
    for (const [slot, value, ciphertext] of CIPHERTEXTS) {
      assert.equal(encryptReading(SEED, LABEL, slot, value), ciphertext);
      const expected = mulPublic(u1, specSlotScalar(slot, 1))
        .add(mulPublic(u2, specSlotScalar(slot, 2)))
        .add(mulPublic(RistrettoPoint.BASE, BigInt(value)));
      assert.ok(parseCiphertext(ciphertext).equals(expected));
    }
  });

  it('derives the functional key d = Σ yⱼ·sⱼ to the pinned bytes', () => {
    assert.equal(functionalKey(SEED, WEIGHTS), KEY);
    const { d1, d2 } = parseFunctionalKey(KEY);
    let e1 = 0n;
    let e2 = 0n;
    WEIGHTS.forEach((weight, slot) => {
      e1 += BigInt(weight) * specSlotScalar(slot, 1);
      e2 += BigInt(weight) * specSlotScalar(slot, 2);
    });
    assert.equal(d1, e1 % GROUP_ORDER);
    assert.equal(d2, e2 % GROUP_ORDER);
  });
});
