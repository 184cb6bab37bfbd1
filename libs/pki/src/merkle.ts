import { hash } from 'node:crypto';
import { PkiErrorCode, pkiError } from './pki-error';

// By hand: merkletreejs and @openzeppelin/merkle-tree hash unlike RFC 6962; @transmute/rfc9162 is a stale 0.0.5.

const HASH_HEX = /^[0-9a-f]{64}$/i;
// A tree of fewer than 2^53 leaves (every safe size) is at most 53 levels deep.
const MAX_PATH_LENGTH = 53;

export interface InclusionProof {
  index: number;
  treeSize: number;
  /** Sibling hashes from the leaf up, lowercase hex. */
  path: string[];
}

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

// One-shot `hash` of the joined parts: about a quarter faster per leaf than a Hash object fed part by part, which
// counts when the verification service roots a batch of a thousand records every second.
function sha256(...parts: Uint8Array[]): Buffer {
  return hash('sha256', Buffer.concat(parts), 'buffer');
}

export function leafHash(leaf: Uint8Array): Buffer {
  return sha256(LEAF_PREFIX, leaf);
}

function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return sha256(NODE_PREFIX, left, right);
}

/** Largest power of two strictly smaller than n (n ≥ 2). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) {
    k *= 2;
  }
  return k;
}

function subtreeHash(leaves: readonly Buffer[], from: number, to: number): Buffer {
  const n = to - from;
  if (n === 1) {
    return leaves[from] ?? Buffer.alloc(0);
  }
  const k = split(n);
  return nodeHash(subtreeHash(leaves, from, from + k), subtreeHash(leaves, from + k, to));
}

/** MTH of the leaves (their bytes, hashed as leaves here), lowercase hex; the empty tree is SHA-256 of nothing. */
export function merkleRoot(leaves: readonly Uint8Array[]): string {
  if (leaves.length === 0) {
    return sha256().toString('hex');
  }
  return subtreeHash(leaves.map(leafHash), 0, leaves.length).toString('hex');
}

function auditPath(hashes: readonly Buffer[], index: number, from: number, to: number): Buffer[] {
  const n = to - from;
  if (n === 1) {
    return [];
  }
  const k = split(n);
  return index < k
    ? [...auditPath(hashes, index, from, from + k), subtreeHash(hashes, from + k, to)]
    : [...auditPath(hashes, index - k, from + k, to), subtreeHash(hashes, from, from + k)];
}

export function inclusionProof(leaves: readonly Uint8Array[], index: number): InclusionProof {
  if (!Number.isInteger(index) || index < 0 || index >= leaves.length) {
    throw pkiError(
      PkiErrorCode.MERKLE_INVALID,
      `no leaf ${String(index)} in a tree of ${String(leaves.length)}`,
    );
  }
  const path = auditPath(leaves.map(leafHash), index, 0, leaves.length);
  return { index, treeSize: leaves.length, path: path.map((hash) => hash.toString('hex')) };
}

function isWellFormed(proof: InclusionProof): boolean {
  return (
    Number.isSafeInteger(proof.index) &&
    Number.isSafeInteger(proof.treeSize) &&
    proof.index >= 0 &&
    proof.index < proof.treeSize &&
    Array.isArray(proof.path) &&
    proof.path.length <= MAX_PATH_LENGTH &&
    proof.path.every((hash) => typeof hash === 'string' && HASH_HEX.test(hash))
  );
}

/** RFC 9162 §2.1.3.2, with arithmetic halving so sizes beyond 2^31 stay exact. */
function rootFromPath(
  leaf: Buffer,
  index: number,
  treeSize: number,
  path: readonly string[],
): Buffer | undefined {
  let fn = index;
  let sn = treeSize - 1;
  let r = leaf;
  for (const siblingHex of path) {
    if (sn === 0) {
      return undefined;
    }
    const sibling = Buffer.from(siblingHex, 'hex');
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(sibling, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn /= 2;
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, sibling);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : undefined;
}

/** Whether `proof` puts the leaf with these bytes into the tree with root `rootHex`; false for any malformed proof. */
export function verifyInclusion(leaf: Uint8Array, proof: InclusionProof, rootHex: string): boolean {
  if (!isWellFormed(proof) || typeof rootHex !== 'string' || !HASH_HEX.test(rootHex)) {
    return false;
  }
  const root = rootFromPath(leafHash(leaf), proof.index, proof.treeSize, proof.path);
  return root !== undefined && root.toString('hex') === rootHex.toLowerCase();
}
