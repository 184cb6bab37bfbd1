import { createHash } from 'node:crypto';
import { PkiErrorCode, pkiError } from './pki-error';

// RFC 6962 / 9162 Merkle trees written here: the npm libraries seen either hash without the 0x00/0x01 domain
// separation or duplicate odd nodes, and proofs must verify with any Certificate-Transparency-style verifier.

export interface InclusionProof {
  index: number;
  treeSize: number;
  /** Sibling hashes from the leaf up, lowercase hex. */
  path: string[];
}

function sha256(...parts: Uint8Array[]): Buffer {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(part);
  }
  return hash.digest();
}

export function leafHash(leaf: Uint8Array): Buffer {
  return sha256(Buffer.from([0x00]), leaf);
}

function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return sha256(Buffer.from([0x01]), left, right);
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

/** RFC 9162 §2.1.3.2: recomputes the root from the leaf and its audit path. */
export function verifyInclusion(leaf: Uint8Array, proof: InclusionProof, rootHex: string): boolean {
  if (!Number.isInteger(proof.index) || proof.index < 0 || proof.index >= proof.treeSize) {
    return false;
  }
  let fn = proof.index;
  let sn = proof.treeSize - 1;
  let r = leafHash(leaf);
  for (const siblingHex of proof.path) {
    const sibling = Buffer.from(siblingHex, 'hex');
    if (sn === 0 || sibling.length !== 32) {
      return false;
    }
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(sibling, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      r = nodeHash(r, sibling);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && r.toString('hex') === rootHex;
}
