import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { beforeEach, describe, it } from 'node:test';
import type { VerificationRecordResponse } from '@metrochain/contracts';
import { isDomainError } from '@metrochain/errors';
import { signData } from '@metrochain/pki';
import { ACTIVATED_AT, meterRecord, newMeterKey } from '../testing/meter-fixtures';
import { draft } from '../testing/log-fakes';
import { FakeDirectory, RecordingSink } from '../testing/verification-fakes';
import { VerificationApi } from './verification-api';
import { VerificationEngine, type VerificationInput } from './verification.engine';

const key = newMeterKey();
const NOW = Date.parse('2025-03-01T12:00:00.000Z');
const DATA = 'energy 1200 Wh';
const signature = signData(key.privateKey, DATA);
const NOT_DER = 'AAAA';

function hasCode(code: string): (error: unknown) => boolean {
  return (error: unknown) => isDomainError(error) && error.code === code;
}

function withoutValid(answer: object): object {
  return Object.fromEntries(Object.entries(answer).filter(([field]) => field !== 'valid'));
}

class FakeLookup {
  readonly asked: string[] = [];
  found: VerificationRecordResponse | undefined;

  lookup(verificationId: string): Promise<VerificationRecordResponse | undefined> {
    this.asked.push(verificationId);
    return Promise.resolve(this.found);
  }
}

describe('VerificationApi', () => {
  let sink: RecordingSink;
  let lookup: FakeLookup;
  let api: VerificationApi;
  beforeEach(() => {
    sink = new RecordingSink();
    lookup = new FakeLookup();
    const directory = new FakeDirectory().add(meterRecord('meter-1', key, { activatedAt: ACTIVATED_AT }));
    const engine = new VerificationEngine({
      directory,
      log: sink,
      verifiedBy: 'PTBMSP',
      futureSkewMs: 0,
      now: () => NOW,
    });
    api = new VerificationApi(engine, lookup);
  });

  it('answers a valid check with valid: true, logged from source api at the time of the check', async () => {
    const answer = await api.verify({ meterId: 'meter-1', data: DATA, signature });
    assert.equal(answer.valid, true);
    assert.equal(answer.outcome, 'valid');
    assert.equal(answer.source, 'api');
    assert.equal(answer.measuredAt, '2025-03-01T12:00:00.000Z');
    assert.equal(answer.dataDigest, createHash('sha256').update(DATA, 'utf8').digest('hex'));
    assert.deepEqual(sink.records, [withoutValid(answer)]);
  });

  it('answers a failed check with valid: false and its reason, and logs it too', async () => {
    const answer = await api.verify({ meterId: 'meter-1', data: `${DATA}!`, signature });
    assert.equal(answer.valid, false);
    assert.equal(answer.reason, 'SIGNATURE_INVALID');
    assert.equal(sink.records.length, 1);
    assert.equal(sink.records[0]?.verificationId, answer.verificationId);
  });

  it('refuses bodies that are not a check with REQUEST_INVALID and logs nothing', async () => {
    const bodies: unknown[] = [
      { meterId: 'meter-1', data: DATA, signature, extra: 1 },
      { meterId: 'meter-1', data: DATA },
      { meterId: 'meter-1', data: 'x'.repeat(65_537), signature },
      { meterId: 'meter 1', data: DATA, signature },
      { meterId: 'meter-1', data: DATA, signature, measuredAt: '2025-03-01T12:00:00' },
      { meterId: 'meter-1', data: DATA, signature: 'not base64!' },
      'meter-1',
      undefined,
    ];
    for (const [index, body] of bodies.entries()) {
      await assert.rejects(api.verify(body), hasCode('REQUEST_INVALID'), `body ${String(index)}`);
    }
    assert.equal(sink.records.length, 0);
  });

  it('accepts data of exactly the maximum length', async () => {
    const answer = await api.verify({ meterId: 'meter-1', data: 'x'.repeat(65_536), signature });
    assert.equal(answer.valid, false);
  });

  it('refuses a signature that is base64 but not DER with SIGNATURE_MALFORMED before logging', async () => {
    await assert.rejects(
      api.verify({ meterId: 'meter-1', data: DATA, signature: NOT_DER }),
      hasCode('SIGNATURE_MALFORMED'),
    );
    assert.equal(sink.records.length, 0);
  });

  it('answers a batch in order and logs every check', async () => {
    const { results } = await api.verifyBatch({
      checks: [
        { meterId: 'meter-1', data: DATA, signature },
        { meterId: 'meter-2', data: DATA, signature },
        { meterId: 'meter-1', data: 'other', signature },
      ],
    });
    assert.deepEqual(
      results.map((result) => [result.meterId, result.valid]),
      [
        ['meter-1', true],
        ['meter-2', false],
        ['meter-1', false],
      ],
    );
    assert.equal(sink.records.length, 3);
  });

  it('hands the engine each check with its signature decoded once, as checked DER', async () => {
    const inputs: VerificationInput[] = [];
    const recording = new VerificationApi(
      {
        verify: (input) => {
          inputs.push(input);
          return Promise.resolve({ ...draft(inputs.length), verificationId: 'vb-test-1.0' });
        },
      },
      lookup,
    );
    await recording.verify({ meterId: 'meter-1', data: DATA, signature });
    await recording.verifyBatch({
      checks: [{ meterId: 'meter-1', data: 'other', signature, measuredAt: ACTIVATED_AT }],
    });
    const der = Buffer.from(signature, 'base64');
    assert.deepEqual(inputs, [
      { source: 'api', meterId: 'meter-1', data: DATA, signature: der },
      { source: 'api', meterId: 'meter-1', data: 'other', signature: der, measuredAt: ACTIVATED_AT },
    ]);
  });

  it('refuses a whole batch, naming the item, when one signature is malformed', async () => {
    await assert.rejects(
      api.verifyBatch({
        checks: [
          { meterId: 'meter-1', data: DATA, signature },
          { meterId: 'meter-1', data: DATA, signature: NOT_DER },
        ],
      }),
      (error: unknown) =>
        hasCode('SIGNATURE_MALFORMED')(error) &&
        error instanceof Error &&
        error.message.startsWith('checks.1: '),
    );
    await assert.rejects(api.verifyBatch({ checks: [] }), hasCode('REQUEST_INVALID'));
    assert.equal(sink.records.length, 0);
  });

  it('refuses a malformed verification id without looking it up', async () => {
    for (const id of ['nodot', 'vb-1.01', 'vb.1.2', '.3', 'vb-1.-1']) {
      await assert.rejects(api.record(id), hasCode('REQUEST_INVALID'), id);
    }
    assert.deepEqual(lookup.asked, []);
  });

  it('answers VERIFICATION_UNKNOWN for an id the log does not hold, else what the log found', async () => {
    await assert.rejects(api.record('vb-test-1.5'), hasCode('VERIFICATION_UNKNOWN'));
    const answer = await api.verify({ meterId: 'meter-1', data: DATA, signature });
    lookup.found = { record: sink.records[0]!, leafHash: 'a'.repeat(64), anchor: null, proof: null };
    assert.equal(await api.record(answer.verificationId), lookup.found);
    assert.deepEqual(lookup.asked, ['vb-test-1.5', answer.verificationId]);
  });
});
