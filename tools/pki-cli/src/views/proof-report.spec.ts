import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { VerificationRecord, VerificationRecordResponse } from '@metrochain/contracts';
import { inclusionProof, leafHash, merkleRoot } from '@metrochain/pki';
import canonicalize from 'canonicalize';
import { proofReport } from './proof-report';

function record(index: number): Extract<VerificationRecord, { outcome: 'valid' }> {
  return {
    verificationId: `vb-test-1.${String(index)}`,
    source: 'api',
    meterId: 'm-1',
    dataDigest: 'd'.repeat(64),
    measuredAt: '2026-01-05T10:00:00.000Z',
    meterStatus: 'active',
    keyFingerprint: 'a'.repeat(64),
    attestedBy: ['PTBMSP', 'InmetroMSP'],
    verifiedBy: 'PTBMSP',
    checkedAt: '2026-01-05T10:00:01.000Z',
    outcome: 'valid',
  };
}

// The verification log's leaves: canonical JSON of each record, in order (services/verification batch-tree).
const records = [0, 1, 2, 3, 4].map(record);
const leaves = records.map((r) => Buffer.from(canonicalize(r) ?? '', 'utf8'));

function response(
  index: number,
  overrides: Partial<VerificationRecordResponse> = {},
): VerificationRecordResponse {
  const leaf = leaves[index] ?? Buffer.alloc(0);
  return {
    record: records[index] ?? record(index),
    leafHash: leafHash(leaf).toString('hex'),
    anchor: {
      batchId: 'vb-test-1',
      merkleRoot: merkleRoot(leaves),
      size: leaves.length,
      txId: 't'.repeat(64),
      anchoredAt: '2026-01-05T10:00:05.000Z',
    },
    proof: inclusionProof(leaves, index),
    ...overrides,
  };
}

describe('proofReport', () => {
  it('verifies the inclusion of a record whose key order differs from the canonical one', () => {
    const { outcome, ...rest } = record(3);
    const reordered = { outcome, ...rest };
    const report = proofReport(response(3, { record: reordered }));
    assert.deepEqual([report.leafHashMatches, report.proofVerified], [true, true]);
  });

  it('fails a tampered record, another root and a proof for another leaf', () => {
    const tampered = proofReport(response(2, { record: { ...record(2), meterStatus: 'revoked' } }));
    assert.deepEqual([tampered.leafHashMatches, tampered.proofVerified], [false, false]);
    const base = response(2);
    const otherRoot = proofReport({
      ...base,
      anchor: base.anchor && { ...base.anchor, merkleRoot: 'e'.repeat(64) },
    });
    assert.equal(otherRoot.proofVerified, false);
    assert.equal(proofReport({ ...base, proof: inclusionProof(leaves, 1) }).proofVerified, false);
  });

  it('reports an unanchored record as not verified', () => {
    assert.equal(proofReport(response(0, { anchor: null, proof: null })).proofVerified, false);
  });
});
