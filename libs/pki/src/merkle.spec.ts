import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { isDomainError } from '@metrochain/errors';
import { inclusionProof, leafHash, merkleRoot, verifyInclusion, type InclusionProof } from './merkle';
import { PkiErrorCode } from './pki-error';

const h = (...parts: Buffer[]): Buffer => createHash('sha256').update(Buffer.concat(parts)).digest();
const leaf = (data: Buffer): Buffer => h(Buffer.from([0x00]), data);
const node = (left: Buffer, right: Buffer): Buffer => h(Buffer.from([0x01]), left, right);
const hex = (hash: Buffer): string => hash.toString('hex');
const records = (n: number): Buffer[] => Array.from({ length: n }, (_, i) => Buffer.from(`record-${i}`));

// The eight leaves of Certificate Transparency's RFC 6962 test suite and the roots of their first 1..8 leaves.
const CT_LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
];
const CT_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

type ExampleNode = 'a' | 'c' | 'f' | 'g' | 'h' | 'i' | 'j' | 'k' | 'l' | 'root';

/** The seven-leaf tree drawn in RFC 6962 §2.1.3, built by hand. */
function rfcExampleTree(): Record<ExampleNode, Buffer> & { data: Buffer[] } {
  const data = records(7);
  const [a, b, c, d, e, f, j] = data.map(leaf) as [Buffer, Buffer, Buffer, Buffer, Buffer, Buffer, Buffer];
  const g = node(a, b);
  const hh = node(c, d);
  const i = node(e, f);
  const k = node(g, hh);
  const l = node(i, j);
  return { data, a, c, f, g, h: hh, i, j, k, l, root: node(k, l) };
}

const isMerkleInvalid = (error: unknown): boolean =>
  isDomainError(error) && error.code === PkiErrorCode.MERKLE_INVALID;

describe('merkleRoot', () => {
  it('matches hand-computed RFC 6962 roots', () => {
    const [a, b, c, d, e] = records(5) as [Buffer, Buffer, Buffer, Buffer, Buffer];
    assert.equal(merkleRoot([]), hex(h()));
    assert.equal(merkleRoot([a]), hex(leaf(a)));
    assert.equal(merkleRoot([a, b]), hex(node(leaf(a), leaf(b))));
    // n = 3 splits 2 + 1: the odd leaf is promoted, not duplicated.
    assert.equal(merkleRoot([a, b, c]), hex(node(node(leaf(a), leaf(b)), leaf(c))));
    const four = node(node(leaf(a), leaf(b)), node(leaf(c), leaf(d)));
    assert.equal(merkleRoot([a, b, c, d]), hex(four));
    assert.equal(merkleRoot([a, b, c, d, e]), hex(node(four, leaf(e))));
    assert.equal(merkleRoot(rfcExampleTree().data), hex(rfcExampleTree().root));
  });

  it("matches Certificate Transparency's reference roots", () => {
    const leaves = CT_LEAVES.map((data) => Buffer.from(data, 'hex'));
    CT_ROOTS.forEach((root, i) => {
      assert.equal(merkleRoot(leaves.slice(0, i + 1)), root, `size ${i + 1}`);
    });
  });

  it('hashes leaves with the 0x00 prefix', () => {
    assert.equal(hex(leafHash(Buffer.from('x'))), hex(leaf(Buffer.from('x'))));
  });
});

describe('inclusionProof', () => {
  it('gives the audit paths of RFC 6962 §2.1.3', () => {
    const t = rfcExampleTree();
    const pathOf = (index: number): string[] => inclusionProof(t.data, index).path;
    assert.deepEqual(pathOf(1), [t.a, t.h, t.l].map(hex));
    assert.deepEqual(pathOf(3), [t.c, t.g, t.l].map(hex));
    assert.deepEqual(pathOf(4), [t.f, t.j, t.k].map(hex));
    assert.deepEqual(pathOf(6), [t.i, t.k].map(hex));
    assert.deepEqual(inclusionProof(t.data, 6), { index: 6, treeSize: 7, path: pathOf(6) });
  });

  it('gives an empty path in a tree of one', () => {
    assert.deepEqual(inclusionProof(records(1), 0), { index: 0, treeSize: 1, path: [] });
  });

  it('refuses an index outside the tree with MERKLE_INVALID', () => {
    for (const index of [-1, 3, 1.5, Number.NaN]) {
      assert.throws(() => inclusionProof(records(3), index), isMerkleInvalid, String(index));
    }
    assert.throws(() => inclusionProof([], 0), isMerkleInvalid);
  });
});

describe('verifyInclusion', () => {
  it('accepts the proof of every leaf of every tree of size 1 to 17', () => {
    for (let size = 1; size <= 17; size += 1) {
      const data = records(size);
      const root = merkleRoot(data);
      data.forEach((entry, index) => {
        assert.ok(verifyInclusion(entry, inclusionProof(data, index), root), `size ${size} index ${index}`);
        assert.ok(verifyInclusion(entry, inclusionProof(data, index), root.toUpperCase()));
      });
    }
  });

  it('fails for a tampered leaf, path, index, size or root', () => {
    const data = records(11);
    const root = merkleRoot(data);
    const proof = inclusionProof(data, 6);
    const entry = data[6]!;
    const tampered: [Buffer, InclusionProof, string][] = [
      [Buffer.from('forged'), proof, root],
      [entry, { ...proof, path: proof.path.map((p, i) => (i === 1 ? 'ff'.repeat(32) : p)) }, root],
      [entry, { ...proof, path: proof.path.slice(1) }, root],
      [entry, { ...proof, path: [...proof.path, proof.path[0]!] }, root],
      [entry, { ...proof, path: [...proof.path].reverse() }, root],
      [entry, { ...proof, index: 5 }, root],
      [entry, { ...proof, index: 11 }, root],
      [entry, { ...proof, treeSize: 40 }, root],
      [entry, proof, merkleRoot(records(12))],
      [entry, proof, `${root.slice(0, 63)}0`],
    ];
    for (const [bytes, candidate, candidateRoot] of tampered) {
      assert.equal(verifyInclusion(bytes, candidate, candidateRoot), false, JSON.stringify(candidate));
    }
  });

  it('fails, without throwing, for malformed proofs and roots', () => {
    const data = records(4);
    const root = merkleRoot(data);
    const proof = inclusionProof(data, 2);
    const malformed: [InclusionProof, string][] = [
      [{ ...proof, path: proof.path.map((p) => p.slice(2)) }, root],
      [{ ...proof, path: proof.path.map((p) => `zz${p.slice(2)}`) }, root],
      [{ ...proof, index: -1 }, root],
      [{ ...proof, index: 2.5 }, root],
      [{ ...proof, treeSize: 2 ** 60 }, root],
      [{ ...proof, path: 'oops' as unknown as string[] }, root],
      [proof, 'not hex'],
      [proof, `${root}00`],
    ];
    for (const [candidate, candidateRoot] of malformed) {
      assert.equal(verifyInclusion(data[2]!, candidate, candidateRoot), false, JSON.stringify(candidate));
    }
  });

  it('stays exact for trees larger than 2^32 leaves', () => {
    // The rightmost leaf of a tree of 2^32 + 1 leaves hangs directly under the root, next to a full 2^32 subtree.
    const left = 'ab'.repeat(32);
    const entry = Buffer.from('last');
    const proof = { index: 2 ** 32, treeSize: 2 ** 32 + 1, path: [left] };
    assert.ok(verifyInclusion(entry, proof, hex(node(Buffer.from(left, 'hex'), leaf(entry)))));
  });
});
