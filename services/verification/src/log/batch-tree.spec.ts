import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { leafHash, merkleRoot, verifyInclusion } from '@metrochain/pki';
import canonicalize from 'canonicalize';
import { draft } from '../testing/log-fakes';
import { BatchTree } from './batch-tree';

const json = (index: number): string =>
  canonicalize({ ...draft(index), verificationId: `vb-t-1.${String(index)}` }) ?? '';
const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('BatchTree', () => {
  it('roots the leaves in index order, whatever order the store returned them in', () => {
    const records = new Map([
      [2, json(2)],
      [0, json(0)],
      [1, json(1)],
    ]);
    const tree = new BatchTree(records);
    assert.equal(tree.size, 3);
    assert.equal(tree.root(), merkleRoot([json(0), json(1), json(2)].map(bytes)));
  });

  it('proves a record at its rank among the stored indices when some are missing', () => {
    const tree = new BatchTree(
      new Map([
        [0, json(0)],
        [3, json(3)],
        [5, json(5)],
      ]),
    );
    const proven = tree.proofOf(5);
    assert.ok(proven !== undefined);
    assert.equal(proven.leafHash, leafHash(bytes(json(5))).toString('hex'));
    assert.equal(proven.proof.index, 2);
    assert.equal(proven.proof.treeSize, 3);
    assert.equal(verifyInclusion(bytes(json(5)), proven.proof, tree.root()), true);
    assert.equal(verifyInclusion(bytes(json(3)), proven.proof, tree.root()), false);
    assert.deepEqual(
      [0, 3, 5].map((index) => tree.proofOf(index)?.proof.index),
      [0, 1, 2],
    );
    assert.equal(tree.proofOf(1), undefined);
    assert.equal(tree.proofOf(6), undefined);
  });

  it('roots records already in rank order like a tree of the same leaves', () => {
    const records = BatchTree.parseRecords(
      new Map([
        [0, json(0)],
        [1, json(1)],
        [4, json(4)],
      ]),
    );
    const tree = new BatchTree(
      new Map([
        [4, json(4)],
        [0, json(0)],
        [1, json(1)],
      ]),
    );
    assert.equal(BatchTree.rootOf(records), tree.root());
    assert.equal(BatchTree.rootOf([]), new BatchTree(new Map()).root());
  });

  it('has the RFC 6962 root of no leaves when empty', () => {
    const tree = new BatchTree(new Map());
    assert.equal(tree.size, 0);
    assert.equal(tree.root(), createHash('sha256').digest('hex'));
    assert.equal(tree.proofOf(0), undefined);
  });

  it('parses the records in index order and refuses one that breaks the contract', () => {
    const records = BatchTree.parseRecords(
      new Map([
        [1, json(1)],
        [0, json(0)],
      ]),
    );
    assert.deepEqual(
      records.map((logged) => [logged.record.verificationId, logged.canonicalJson]),
      [
        ['vb-t-1.0', json(0)],
        ['vb-t-1.1', json(1)],
      ],
    );
    assert.throws(() => BatchTree.parseRecords(new Map([[0, JSON.stringify({ ...draft(0), extra: 1 })]])));
  });
});
