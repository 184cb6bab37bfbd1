import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { type MeasurementRecord, type Reading, readingDigestOf } from '@metrochain/contracts';
import type { DecodedTransaction } from '@metrochain/ledger';
import type { FindingInput } from '../findings/findings.service';
import { BundleStore, chaincodeFingerprintOf } from './bundle-store';
import type { LrExecutor } from './lr-executor';
import type { LrInput, LrOutput } from './lr-worker-protocol';
import { ReexecutionChecker } from './reexecution-checker';
import { recordBatchOf } from './recorded-readings';

const store = mkdtempSync(path.join(tmpdir(), 'audit-bundles-'));
const externals = { 'fabric-shim': { version: '2.5.8', integrity: 'sha512-x' } };

function storeBundle(code: string, storedAs?: string): string {
  const fingerprint = chaincodeFingerprintOf(Buffer.from(code), externals);
  const dir = path.join(store, storedAs ?? fingerprint);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'index.js'), code);
  writeFileSync(path.join(dir, 'fingerprint.json'), JSON.stringify({ fingerprint, externals }));
  return storedAs ?? fingerprint;
}

function speedResult(speedKmh: number): Record<string, unknown> {
  return { kind: 'speed', speedKmh, activationAS: 0, activationBS: 0.1, deltaTS: 0.1 };
}

const genuine = storeBundle('module.exports = "genuine";');
const tampered = storeBundle('module.exports = "evil";', 'b'.repeat(64));

/** Speed = 10 × the payload's `v`, as a stand-in LR. */
const executor: LrExecutor = {
  run: (_bundle, inputs: readonly LrInput[]): Promise<LrOutput[]> =>
    Promise.resolve(
      inputs.map(({ payload }) => ({
        ok: true,
        result: speedResult(10 * (payload as { v: number }).v),
      })),
    ),
  close: () => Promise.resolve(),
};

function reading(seq: number): Reading {
  return {
    meterId: 'm-1',
    seq,
    measuredAt: '2026-12-03T00:00:00.000Z',
    kind: 'speed',
    payload: { v: seq },
    signature: 'MEUCIQ==',
  } as unknown as Reading;
}

function record(item: Reading, overrides: Partial<MeasurementRecord> = {}): MeasurementRecord {
  return {
    meterId: item.meterId,
    seq: item.seq,
    kind: 'speed',
    measuredAt: item.measuredAt,
    result: speedResult(10 * item.seq),
    readingDigest: readingDigestOf(item),
    keyFingerprint: 'a'.repeat(64),
    lrFingerprint: genuine,
    recordedBy: 'PTBMSP',
    recordedAt: item.measuredAt,
    txId: 'tx-1',
    ...overrides,
  } as MeasurementRecord;
}

function transaction(readings: Reading[], records: MeasurementRecord[]): DecodedTransaction {
  const json = (value: unknown): Uint8Array => Buffer.from(JSON.stringify(value));
  return {
    txId: 'tx-1',
    index: 0,
    type: 'ENDORSER_TRANSACTION',
    channel: 'nmichannel',
    timestamp: '2026-12-03T00:00:00.000Z',
    creatorMsp: 'PTBMSP',
    validationCode: 'VALID',
    chaincode: 'metrochain',
    function: 'measurement:recordBatch',
    args: [json({ batchId: 'b-1', readings })],
    endorsers: ['PTBMSP', 'InmetroMSP'],
    responseStatus: 200,
    responsePayload: json({
      batchId: 'b-1',
      outcomes: records.map((measurement) => ({ status: 'recorded', measurement })),
    }),
    events: [],
  };
}

function checkerWith(reported: FindingInput[]): ReexecutionChecker {
  return new ReexecutionChecker(new BundleStore(store), executor, {
    report: (input: FindingInput) => {
      reported.push(input);
      return Promise.resolve({
        findingId: `00000000-0000-4000-8000-00000000000${String(reported.length)}`,
      } as never);
    },
  });
}

describe('ReexecutionChecker', () => {
  after(() => {
    rmSync(store, { recursive: true, force: true });
  });

  it('matches a faithful record, and reports a changed result as lr-mismatch with its evidence', async () => {
    const readings = [reading(1), reading(2)];
    const records = [
      record(readings[0] ?? reading(1)),
      record(readings[1] ?? reading(2), { result: speedResult(20.2) } as never),
    ];
    const tx = recordBatchOf(transaction(readings, records), 7);
    assert.ok(tx);
    const reported: FindingInput[] = [];
    const result = await checkerWith(reported).check(tx);
    assert.deepEqual([result.checked, result.matched, result.lrMismatches], [2, 1, 1]);
    const [finding] = reported;
    assert.ok(finding);
    assert.equal(finding.category, 'lr-mismatch');
    assert.deepEqual(finding.evidence, {
      txId: 'tx-1',
      blockNumber: 7,
      chaincode: 'metrochain',
      meterId: 'm-1',
      seq: 2,
      lrFingerprint: genuine,
      ledgerValue: speedResult(20.2),
      reexecutedValue: speedResult(20),
    });
  });

  it('reports raw data that does not hash to the recorded digest, without re-executing it', async () => {
    const item = reading(3);
    const tx = recordBatchOf(transaction([item], [record(item, { readingDigest: 'c'.repeat(64) })]), 8);
    assert.ok(tx);
    const reported: FindingInput[] = [];
    const result = await checkerWith(reported).check(tx);
    assert.deepEqual([result.rawDataMismatches, result.matched], [1, 0]);
    const [finding] = reported;
    assert.ok(finding);
    assert.equal(finding.category, 'raw-data-mismatch');
    assert.equal(finding.evidence['computedDigest'], readingDigestOf(item));
  });

  it('reports records naming an unknown or a tampered bundle as lr-not-approved', async () => {
    const items = [reading(4), reading(5)];
    const tx = recordBatchOf(
      transaction(items, [
        record(items[0] ?? reading(4), { lrFingerprint: 'd'.repeat(64) }),
        record(items[1] ?? reading(5), { lrFingerprint: tampered }),
      ]),
      9,
    );
    assert.ok(tx);
    const reported: FindingInput[] = [];
    const result = await checkerWith(reported).check(tx);
    assert.equal(result.unknownBundles, 2);
    assert.deepEqual(
      reported.map((finding) => [finding.category, finding.evidence['reason']]),
      [
        ['lr-not-approved', 'bundle-unknown'],
        ['lr-not-approved', 'bundle-hash-mismatch'],
      ],
    );
  });

  it('reads only valid recordBatch transactions, and only their recorded readings', () => {
    const item = reading(6);
    const invalid = { ...transaction([item], [record(item)]), validationCode: 'MVCC_READ_CONFLICT' };
    assert.equal(recordBatchOf(invalid, 1), undefined);
    const other = { ...transaction([item], [record(item)]), function: 'registry:attest' };
    assert.equal(recordBatchOf(other, 1), undefined);
    const rejected = transaction([item], []);
    rejected.responsePayload = Buffer.from(
      JSON.stringify({
        batchId: 'b-1',
        outcomes: [{ status: 'rejected', meterId: 'm-1', seq: 6, reason: 'SEQ_REPLAYED', detail: '' }],
      }),
    );
    assert.deepEqual(recordBatchOf(rejected, 1)?.recorded, []);
  });
});
