import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type MeasurementRecord, type Reading, readingDigestOf } from '@metrochain/contracts';
import type { DecodedBlock, DecodedTransaction } from '@metrochain/ledger';
import { RawReadingIndex } from './raw-reading-index';
import { RawReadingsService } from './raw-readings.service';

const reading = {
  meterId: 'm-1',
  seq: 4,
  measuredAt: '2026-12-03T00:00:00.000Z',
  kind: 'energy',
  payload: { sampleRateHz: 1000 },
  signature: 'MEUCIQ==',
} as Reading;

function record(readingDigest: string): MeasurementRecord {
  return {
    meterId: 'm-1',
    seq: 4,
    kind: 'energy',
    measuredAt: reading.measuredAt,
    result: { kind: 'energy', energyWh: 1, samples: 20, durationS: 0.02, meterTotalWh: 3 },
    readingDigest,
    keyFingerprint: 'a'.repeat(64),
    lrFingerprint: 'b'.repeat(64),
    recordedBy: 'PTBMSP',
    recordedAt: reading.measuredAt,
    txId: 'tx-4',
  };
}

function block(stored: MeasurementRecord): DecodedBlock {
  const json = (value: unknown): Uint8Array => Buffer.from(JSON.stringify(value));
  const tx: DecodedTransaction = {
    txId: 'tx-4',
    index: 0,
    type: 'ENDORSER_TRANSACTION',
    channel: 'nmichannel',
    timestamp: reading.measuredAt,
    creatorMsp: 'PTBMSP',
    validationCode: 'VALID',
    chaincode: 'metrochain',
    function: 'measurement:recordBatch',
    args: [json({ batchId: 'b-1', readings: [reading] })],
    endorsers: [],
    responseStatus: 200,
    responsePayload: json({ batchId: 'b-1', outcomes: [{ status: 'recorded', measurement: stored }] }),
    events: [],
  };
  return {
    number: 12,
    headerHash: '',
    previousHash: '',
    dataHash: '',
    dataHashValid: true,
    transactions: [tx],
  };
}

/** Redis with just the hash commands the index uses. */
function memoryRedis(): ConstructorParameters<typeof RawReadingIndex>[0] {
  const hashes = new Map<string, Map<string, string>>();
  return {
    hget: (key: string, field: string) => Promise.resolve(hashes.get(key)?.get(field) ?? null),
    pipeline: () => {
      const pipeline = {
        hset: (key: string, field: string, value: string) => {
          const hash = hashes.get(key) ?? new Map<string, string>();
          hash.set(field, value);
          hashes.set(key, hash);
          return pipeline;
        },
        expire: () => pipeline,
        exec: () => Promise.resolve([]),
      };
      return pipeline;
    },
  } as unknown as ConstructorParameters<typeof RawReadingIndex>[0];
}

describe('raw readings', () => {
  it('indexes recordBatch readings by meter and seq, and serves the raw reading with a matching digest', async () => {
    const stored = record(readingDigestOf(reading));
    const index = new RawReadingIndex(memoryRedis(), 'metrochain');
    await index.handleBlock(block(stored));
    assert.deepEqual(await index.place('m-1', 4), { txId: 'tx-4', blockNumber: 12 });
    const byNumber: number[] = [];
    const service = new RawReadingsService({
      measurement: () => Promise.resolve(stored),
      blocks: {
        blockByNumber: (n) => {
          byNumber.push(n);
          return Promise.resolve(block(stored));
        },
        blockByTxId: () => Promise.reject(new Error('the index should have named the block')),
      },
      index,
    });
    const answer = await service.get('m-1', 4);
    assert.deepEqual(byNumber, [12]);
    assert.deepEqual(answer.reading, reading);
    assert.equal(answer.digestMatches, true);
    assert.deepEqual([answer.txId, answer.blockNumber, answer.chaincode], ['tx-4', 12, 'metrochain']);
  });

  it('shows a digest that does not match, found through the transaction when the index has nothing', async () => {
    const stored = record('c'.repeat(64));
    const service = new RawReadingsService({
      measurement: () => Promise.resolve(stored),
      blocks: {
        blockByNumber: () => Promise.reject(new Error('not indexed')),
        blockByTxId: () => Promise.resolve(block(stored)),
      },
      index: new RawReadingIndex(memoryRedis(), 'metrochain'),
    });
    const answer = await service.get('m-1', 4);
    assert.equal(answer.digestMatches, false);
    assert.equal(answer.computedDigest, readingDigestOf(reading));
  });
});
