import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type VerificationBatchResponse,
  type VerificationRecord,
  canonicalJson,
  verificationLeafBytes,
} from '@metrochain/contracts';
import { inclusionProof, merkleRoot } from '@metrochain/pki';
import { checkCompleteness } from './verification-log-checker';

function record(index: number): VerificationRecord {
  return {
    verificationId: `batch-1.${String(index)}`,
    meterId: 'm-1',
    outcome: 'valid',
  } as unknown as VerificationRecord;
}

function served(count: number): { response: VerificationBatchResponse; root: string } {
  const records = Array.from({ length: count }, (_, index) => record(index));
  const leaves = records.map((item) => verificationLeafBytes(canonicalJson(item)));
  return {
    root: merkleRoot(leaves),
    response: {
      batchId: 'batch-1',
      anchor: null,
      records: records.map((item, index) => ({ index, record: item, proof: inclusionProof(leaves, index) })),
    },
  };
}

describe('checkCompleteness', () => {
  it('passes a batch served exactly as anchored', () => {
    const { response, root } = served(5);
    const result = checkCompleteness({ batchId: 'batch-1', merkleRoot: root, size: 5, txId: 'tx' }, response);
    assert.deepEqual(result, { recordsFound: 5, proofsVerified: 5, unanchored: 0, problems: [] });
  });

  it('notices a missing record: count, root and proofs', () => {
    const { root } = served(5);
    const { response } = served(4);
    const result = checkCompleteness({ batchId: 'batch-1', merkleRoot: root, size: 5, txId: 'tx' }, response);
    assert.equal(result.recordsFound, 4);
    assert.equal(result.proofsVerified, 0);
    assert.match(result.problems[0] ?? '', /serves 4 records, the ledger anchored 5/);
    assert.match(result.problems[1] ?? '', /root/);
  });

  it('notices a changed record whose count still fits', () => {
    const { response, root } = served(3);
    const first = response.records[0];
    assert.ok(first);
    first.record = { ...first.record, meterId: 'm-2' };
    const result = checkCompleteness({ batchId: 'batch-1', merkleRoot: root, size: 3, txId: 'tx' }, response);
    assert.equal(result.proofsVerified, 2);
    assert.equal(result.problems.length, 2);
  });
});
