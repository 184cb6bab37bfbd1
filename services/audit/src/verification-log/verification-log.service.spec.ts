import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type VerificationBatchResponse,
  type VerificationRecord,
  canonicalJson,
  verificationLeafBytes,
} from '@metrochain/contracts';
import type { DecodedBlock, DecodedTransaction } from '@metrochain/ledger';
import { inclusionProof, merkleRoot } from '@metrochain/pki';
import type { FindingInput } from '../findings/findings.service';
import { VerificationLogService } from './verification-log.service';

const records = [0, 1, 2].map(
  (index) =>
    ({
      verificationId: `vb-1.${String(index)}`,
      meterId: 'm-1',
      outcome: 'valid',
    }) as unknown as VerificationRecord,
);
const leaves = records.map((record) => verificationLeafBytes(canonicalJson(record)));
const anchor = { batchId: 'vb-1', merkleRoot: merkleRoot(leaves), size: 3, txId: 'tx-9' };

function served(count: number): VerificationBatchResponse {
  return {
    batchId: 'vb-1',
    anchor: null,
    records: records
      .slice(0, count)
      .map((record, index) => ({ index, record, proof: inclusionProof(leaves, index) })),
  };
}

function anchorBlock(chaincode: string): DecodedBlock {
  const tx: DecodedTransaction = {
    txId: 'tx-9',
    index: 0,
    type: 'ENDORSER_TRANSACTION',
    channel: 'nmichannel',
    timestamp: '2026-12-03T00:00:00.000Z',
    creatorMsp: 'PTBMSP',
    validationCode: 'VALID',
    chaincode,
    function: 'registry:anchorVerificationBatch',
    args: [],
    endorsers: [],
    responseStatus: 200,
    responsePayload: Buffer.from(
      JSON.stringify({ ...anchor, anchoredBy: 'PTBMSP', anchoredAt: '2026-12-03T00:00:00.000Z' }),
    ),
    events: [],
  };
  return {
    number: 5,
    headerHash: '',
    previousHash: '',
    dataHash: '',
    dataHashValid: true,
    transactions: [tx],
  };
}

function service(count: number, reported: FindingInput[]): VerificationLogService {
  return new VerificationLogService({
    client: { batch: () => Promise.resolve(served(count)) },
    findings: {
      report: (input: FindingInput) => {
        reported.push(input);
        return Promise.resolve({ findingId: '00000000-0000-4000-8000-000000000001' } as never);
      },
    },
    anchorOf: () => Promise.resolve(anchor),
    chaincode: 'metrochain',
    delayMs: 0,
  });
}

async function settled(check: () => { status: string }): Promise<void> {
  for (let tries = 0; tries < 100 && check().status === 'running'; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('VerificationLogService', () => {
  it('checks an auditor-named batch: passed when complete, failed with a finding when a record is gone', async () => {
    const reported: FindingInput[] = [];
    const complete = service(3, reported);
    const started = complete.start('vb-1');
    await settled(() => complete.get(started.checkId));
    assert.equal(complete.get(started.checkId).status, 'passed');

    const incomplete = service(2, reported);
    const failed = incomplete.start('vb-1');
    await settled(() => incomplete.get(failed.checkId));
    const result = incomplete.get(failed.checkId);
    assert.deepEqual(
      [result.status, result.recordsFound, result.findingId],
      ['failed', 2, '00000000-0000-4000-8000-000000000001'],
    );
    assert.deepEqual([reported[0]?.category, reported[0]?.subject], ['verification-log', 'batch:vb-1']);
  });

  it('checks the anchors of the network chaincode it sees in blocks, not those of other chaincode names', async () => {
    const reported: FindingInput[] = [];
    const watcher = service(2, reported);
    await watcher.handleBlock(anchorBlock('metrochain-lrtest-1'));
    await watcher.handleBlock(anchorBlock('metrochain'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(reported.length, 1);
    assert.equal(reported[0]?.evidence['txId'], 'tx-9');
  });

  it('reads a batch again while the log has not stored its anchor, and reports only what stays wrong', async () => {
    const reported: FindingInput[] = [];
    const unanchored = { ...served(3), records: served(3).records.map((r) => ({ ...r, proof: null })) };
    const answers = [unanchored, unanchored, served(3)];
    const later = new VerificationLogService({
      client: { batch: () => Promise.resolve(answers.shift() ?? served(3)) },
      findings: {
        report: (input: FindingInput) => (reported.push(input), Promise.resolve(undefined as never)),
      },
      anchorOf: () => Promise.resolve(anchor),
      chaincode: 'metrochain',
      unanchoredRetriesMs: [0, 0, 0],
    });
    const passed = later.start('vb-1');
    await settled(() => later.get(passed.checkId));
    assert.equal(later.get(passed.checkId).status, 'passed');
    assert.equal(reported.length, 0);

    const never = new VerificationLogService({
      client: { batch: () => Promise.resolve(unanchored) },
      findings: {
        report: (input: FindingInput) => (reported.push(input), Promise.resolve(undefined as never)),
      },
      anchorOf: () => Promise.resolve(anchor),
      chaincode: 'metrochain',
      unanchoredRetriesMs: [0, 0],
    });
    const failed = never.start('vb-1');
    await settled(() => never.get(failed.checkId));
    assert.equal(never.get(failed.checkId).status, 'failed');
    assert.equal(reported.length, 1);
  });

  it('answers an unknown check id with VERIFICATION_CHECK_UNKNOWN', () => {
    assert.throws(() => service(3, []).get('00000000-0000-4000-8000-000000000009'), {
      code: 'VERIFICATION_CHECK_UNKNOWN',
    });
  });
});
