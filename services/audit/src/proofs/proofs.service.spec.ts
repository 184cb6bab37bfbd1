import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { VerificationBatch } from '@metrochain/contracts';
import { isDomainError } from '@metrochain/errors';
import { type AnchorRegistry, ProofsService } from './proofs.service';

const record = {
  verificationId: 'batch-1.0',
  source: 'api',
  meterId: 'meter-1',
  dataDigest: 'c'.repeat(64),
  measuredAt: '2026-12-03T09:59:00.000Z',
  meterStatus: 'active',
  attestedBy: ['PTBMSP', 'InmetroMSP'],
  verifiedBy: 'PTBMSP',
  checkedAt: '2026-12-03T10:00:00.000Z',
  outcome: 'valid',
};
const leafHash = 'a'.repeat(64);

function registry(root: string): AnchorRegistry {
  return {
    getVerificationBatch: (batchId): Promise<VerificationBatch> =>
      Promise.resolve({
        batchId,
        merkleRoot: root,
        size: 2,
        anchoredBy: 'PTBMSP',
        anchoredAt: '2026-12-03T10:00:00.000Z',
        txId: 'f'.repeat(64),
      }),
  };
}

const json = (status: number, body: unknown) => (): Promise<Response> =>
  Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );

const coded = (code: string) => (error: unknown) => isDomainError(error) && error.code === code;

describe('ProofsService', () => {
  it("joins the verification service's proof with the root the ledger holds", async () => {
    const body = {
      record,
      leafHash,
      anchor: {
        batchId: 'batch-1',
        merkleRoot: 'd'.repeat(64),
        size: 2,
        txId: 'e'.repeat(64),
        anchoredAt: '2026-12-03T10:00:01.000Z',
      },
      proof: { index: 0, treeSize: 2, path: ['b'.repeat(64)] },
    };
    const view = await new ProofsService(json(200, body), registry('0'.repeat(64))).proof('batch-1.0');
    assert.deepEqual(view.ledgerAnchor, {
      batchId: 'batch-1',
      merkleRoot: '0'.repeat(64),
      size: 2,
      txId: 'f'.repeat(64),
    });
    assert.deepEqual(view.proof, body.proof);
    assert.equal(view.leafHash, leafHash);
  });

  it('says VERIFICATION_UNREACHABLE when the verification service cannot be reached', async () => {
    const proofs = new ProofsService(() => Promise.reject(new Error('refused')), registry(''));
    await assert.rejects(proofs.proof('v-1'), coded('VERIFICATION_UNREACHABLE'));
  });

  it('answers VERIFICATION_UNKNOWN for a record the verification service does not have', async () => {
    const proofs = new ProofsService(
      json(404, { code: 'VERIFICATION_UNKNOWN', message: 'no' }),
      registry(''),
    );
    await assert.rejects(proofs.proof('v-404'), coded('VERIFICATION_UNKNOWN'));
  });

  it('refuses an answer that is not a verification record', async () => {
    const proofs = new ProofsService(json(200, { record }), registry(''));
    await assert.rejects(proofs.proof('v-1'), coded('VERIFICATION_UNREACHABLE'));
  });

  it('has no ledger anchor while the batch is not anchored', async () => {
    const body = { record, leafHash, anchor: null, proof: null };
    const view = await new ProofsService(json(200, body), registry('')).proof('batch-1.0');
    assert.equal(view.ledgerAnchor, null);
  });
});
