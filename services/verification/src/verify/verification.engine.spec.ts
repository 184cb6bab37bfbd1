import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { beforeEach, describe, it } from 'node:test';
import { verificationsV1ValueSchema } from '@metrochain/contracts';
import { LedgerError } from '@metrochain/ledger';
import { signData } from '@metrochain/pki';
import { ACTIVATED_AT, meterRecord, newMeterKey } from '../testing/meter-fixtures';
import { FakeDirectory, RecordingSink } from '../testing/verification-fakes';
import { VerificationEngine } from './verification.engine';

const key = newMeterKey();
const NOW = Date.parse('2025-03-01T12:00:00.000Z');
const SKEW_MS = 60_000;
const DATA = 'meter-1;seq=7;wh=1200';
const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

describe('VerificationEngine', () => {
  let directory: FakeDirectory;
  let sink: RecordingSink;
  let engine: VerificationEngine;
  beforeEach(() => {
    directory = new FakeDirectory().add(meterRecord('meter-1', key, { activatedAt: ACTIVATED_AT }));
    sink = new RecordingSink();
    engine = new VerificationEngine({
      directory,
      log: sink,
      verifiedBy: 'PTBMSP',
      futureSkewMs: SKEW_MS,
      now: () => NOW,
    });
  });

  it('logs a valid check with its digest, times, key and attesters, and returns the logged record', async () => {
    const record = await engine.verify({
      source: 'api',
      meterId: 'meter-1',
      data: DATA,
      signature: signData(key.privateKey, DATA),
    });
    assert.deepEqual(sink.records, [record]);
    assert.deepEqual(record, {
      outcome: 'valid',
      verificationId: 'vb-test-1.0',
      source: 'api',
      meterId: 'meter-1',
      dataDigest: sha256(DATA),
      measuredAt: '2025-03-01T12:00:00.000Z',
      meterStatus: 'active',
      keyFingerprint: key.fingerprint,
      attestedBy: ['PTBMSP', 'InmetroMSP'],
      verifiedBy: 'PTBMSP',
      checkedAt: '2025-03-01T12:00:00.000Z',
    });
    verificationsV1ValueSchema.parse(record);
  });

  it('records the measurement time in UTC and checks the key and status at that time', async () => {
    const record = await engine.verify({
      source: 'api',
      meterId: 'meter-1',
      data: DATA,
      signature: signData(key.privateKey, DATA),
      measuredAt: '2025-01-02T00:30:00+01:00',
    });
    assert.equal(record.measuredAt, '2025-01-01T23:30:00.000Z');
    assert.equal(record.outcome === 'invalid' ? record.reason : 'valid', 'METER_NOT_ACTIVE');
    assert.equal(record.meterStatus, 'pending');
  });

  it('accepts a measurement up to futureSkewMs ahead of the clock, refuses one beyond', async () => {
    const signature = signData(key.privateKey, DATA);
    const check = (offsetMs: number): Promise<unknown> =>
      engine
        .verify({
          source: 'api',
          meterId: 'meter-1',
          data: DATA,
          signature,
          measuredAt: new Date(NOW + offsetMs).toISOString(),
        })
        .then((record) => (record.outcome === 'valid' ? 'valid' : record.reason));
    assert.equal(await check(SKEW_MS), 'valid');
    assert.equal(await check(SKEW_MS + 1), 'TIMESTAMP_IN_FUTURE');
  });

  it('digests bytes as given and keeps the sequence number of a pipeline reading', async () => {
    const bytes = new TextEncoder().encode('{"seq":7}');
    const record = await engine.verify({
      source: 'pipeline',
      meterId: 'meter-1',
      seq: 7,
      data: bytes,
      signature: signData(key.privateKey, bytes),
    });
    assert.equal(record.source, 'pipeline');
    assert.equal(record.seq, 7);
    assert.equal(record.dataDigest, sha256(bytes));
    assert.equal(record.outcome, 'valid');
  });

  it('logs a check of an unknown meter as invalid with status unknown and no key', async () => {
    const record = await engine.verify({
      source: 'api',
      meterId: 'meter-9',
      data: DATA,
      signature: signData(key.privateKey, DATA),
    });
    assert.equal(record.outcome === 'invalid' ? record.reason : 'valid', 'METER_UNKNOWN');
    assert.equal(record.meterStatus, 'unknown');
    assert.equal('keyFingerprint' in record, false);
    assert.equal('seq' in record, false);
    assert.equal(sink.records.length, 1);
  });

  it('logs nothing when the meter cannot be read', async () => {
    directory.failWith = new LedgerError({ code: 'LEDGER_UNAVAILABLE', message: 'peer down' });
    await assert.rejects(
      engine.verify({ source: 'api', meterId: 'meter-1', data: DATA, signature: 'AAAA' }),
      (error: unknown) => error === directory.failWith,
    );
    assert.equal(sink.records.length, 0);
  });
});
