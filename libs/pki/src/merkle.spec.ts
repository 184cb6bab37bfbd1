import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { inclusionProof, merkleRoot, verifyInclusion } from './merkle';

const h = (...parts: Buffer[]): Buffer => createHash('sha256').update(Buffer.concat(parts)).digest();
const leaf = (data: Buffer): Buffer => h(Buffer.from([0]), data);
const node = (l: Buffer, r: Buffer): Buffer => h(Buffer.from([1]), l, r);
const leaves = (n: number): Buffer[] =>
  Array.from({ length: n }, (_, i) => Buffer.from(`record-${String(i)}`));

describe('RFC 6962 Merkle tree', () => {
  it('matches hand-computed roots', () => {
    const [a, b, c] = leaves(3) as [Buffer, Buffer, Buffer];
    assert.equal(merkleRoot([]), h().toString('hex'));
    assert.equal(merkleRoot([a]), leaf(a).toString('hex'));
    assert.equal(merkleRoot([a, b]), node(leaf(a), leaf(b)).toString('hex'));
    // n = 3 splits 2 + 1, not 2 + duplicated leaf.
    assert.equal(merkleRoot([a, b, c]), node(node(leaf(a), leaf(b)), leaf(c)).toString('hex'));
  });

  it('proves every leaf of every tree of size 1 to 17', () => {
    for (let size = 1; size <= 17; size += 1) {
      const data = leaves(size);
      const root = merkleRoot(data);
      data.forEach((entry, index) => {
        assert.ok(
          verifyInclusion(entry, inclusionProof(data, index), root),
          `size ${String(size)} index ${String(index)}`,
        );
      });
    }
  });

  it('fails for a tampered leaf, path, index or root', () => {
    const data = leaves(11);
    const root = merkleRoot(data);
    const proof = inclusionProof(data, 6);
    const entry = data[6] as Buffer;
    assert.equal(verifyInclusion(Buffer.from('forged'), proof, root), false);
    assert.equal(
      verifyInclusion(
        entry,
        { ...proof, path: proof.path.map((p, i) => (i === 1 ? 'ff'.repeat(32) : p)) },
        root,
      ),
      false,
    );
    assert.equal(verifyInclusion(entry, { ...proof, index: 5 }, root), false);
    // The root fixes the size only together with the anchored batch size, which callers compare; a path of the
    // wrong length for the claimed size fails here.
    assert.equal(verifyInclusion(entry, { ...proof, treeSize: 40 }, root), false);
    assert.equal(verifyInclusion(entry, proof, merkleRoot(leaves(12))), false);
    assert.equal(verifyInclusion(entry, { ...proof, path: proof.path.slice(1) }, root), false);
  });
});
