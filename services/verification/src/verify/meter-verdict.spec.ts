import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDomainError } from '@metrochain/errors';
import { signData } from '@metrochain/pki';
import { ACTIVATED_AT, meterRecord, newMeterKey } from '../testing/meter-fixtures';
import { KnownMeter } from './meter-directory';
import { type Verdict, judgeSignature } from './meter-verdict';

const key = newMeterKey();
const nextKey = newMeterKey();
const DATA = 'reading 42 kWh at 2025-03-01';
const MEASURED_AT = '2025-03-01T12:00:00.000Z';
const LATEST = Date.parse('2025-06-01T00:00:00.000Z');
const REVOKED_FROM = '2025-04-01T00:00:00.000Z';
const ROTATED_AT = '2025-04-15T00:00:00.000Z';
// A valid base64 string that decodes to three zero bytes: no DER sequence.
const NOT_DER = 'AAAA';

const active = new KnownMeter(meterRecord('meter-1', key, { activatedAt: ACTIVATED_AT }));
const pending = new KnownMeter(meterRecord('meter-1', key));
const revoked = new KnownMeter(
  meterRecord('meter-1', key, { activatedAt: ACTIVATED_AT, revokedFrom: REVOKED_FROM }),
);
const rotated = new KnownMeter(
  meterRecord('meter-1', key, { activatedAt: ACTIVATED_AT, rotation: { key: nextKey, at: ROTATED_AT } }),
);

function judge(
  meter: KnownMeter | undefined,
  signature: string,
  measuredAt = MEASURED_AT,
  data: string | Uint8Array = DATA,
): Verdict {
  return judgeSignature(meter, { data, signature, measuredAt }, LATEST);
}

const outcome = (verdict: Verdict): string =>
  verdict.outcome === 'valid' ? 'valid' : `invalid ${verdict.reason}`;

describe('judgeSignature', () => {
  it('accepts a signature by the active key and reports status, key and attesters', () => {
    assert.deepEqual(judge(active, signData(key.privateKey, DATA)), {
      outcome: 'valid',
      meterStatus: 'active',
      keyFingerprint: key.fingerprint,
      attestedBy: ['PTBMSP', 'InmetroMSP'],
    });
  });

  it('accepts bytes as well as text', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251]);
    assert.equal(outcome(judge(active, signData(key.privateKey, bytes), MEASURED_AT, bytes)), 'valid');
  });

  it('refuses tampered data with SIGNATURE_INVALID', () => {
    const verdict = judge(active, signData(key.privateKey, DATA), MEASURED_AT, `${DATA} `);
    assert.deepEqual(verdict, {
      outcome: 'invalid',
      reason: 'SIGNATURE_INVALID',
      meterStatus: 'active',
      keyFingerprint: key.fingerprint,
      attestedBy: ['PTBMSP', 'InmetroMSP'],
    });
  });

  it('refuses a signature by another key with SIGNATURE_INVALID', () => {
    assert.equal(
      outcome(judge(active, signData(newMeterKey().privateKey, DATA))),
      'invalid SIGNATURE_INVALID',
    );
  });

  it('refuses a signature that is not DER with SIGNATURE_MALFORMED', () => {
    assert.equal(outcome(judge(active, NOT_DER)), 'invalid SIGNATURE_MALFORMED');
    const truncated = Buffer.from(signData(key.privateKey, DATA), 'base64')
      .subarray(0, 40)
      .toString('base64');
    assert.equal(outcome(judge(active, truncated)), 'invalid SIGNATURE_MALFORMED');
  });

  it('reports an unknown meter with status unknown and no key', () => {
    assert.deepEqual(judge(undefined, signData(key.privateKey, DATA)), {
      outcome: 'invalid',
      reason: 'METER_UNKNOWN',
      meterStatus: 'unknown',
      attestedBy: [],
    });
  });

  it('refuses a pending meter with METER_NOT_ACTIVE', () => {
    const verdict = judge(pending, signData(key.privateKey, DATA));
    assert.equal(outcome(verdict), 'invalid METER_NOT_ACTIVE');
    assert.equal(verdict.meterStatus, 'pending');
  });

  it('refuses data measured before activation with METER_NOT_ACTIVE', () => {
    const before = '2025-01-01T23:59:59.999Z';
    assert.equal(outcome(judge(active, signData(key.privateKey, DATA), before)), 'invalid METER_NOT_ACTIVE');
    assert.equal(outcome(judge(active, signData(key.privateKey, DATA), ACTIVATED_AT)), 'valid');
  });

  it('refuses data measured from the revocation on and accepts data measured just before it', () => {
    const signature = signData(key.privateKey, DATA);
    const atRevocation = judge(revoked, signature, REVOKED_FROM);
    assert.equal(outcome(atRevocation), 'invalid METER_REVOKED');
    assert.equal(atRevocation.meterStatus, 'revoked');
    assert.equal(outcome(judge(revoked, signature, '2025-05-01T00:00:00.000Z')), 'invalid METER_REVOKED');
    const before = judge(revoked, signature, '2025-03-31T23:59:59.999Z');
    assert.equal(outcome(before), 'valid');
    assert.equal(before.meterStatus, 'active');
  });

  it('accepts the new key from the rotation on and the old key only before it', () => {
    const byNew = signData(nextKey.privateKey, DATA);
    const byOld = signData(key.privateKey, DATA);
    const newAfter = judge(rotated, byNew, ROTATED_AT);
    assert.equal(outcome(newAfter), 'valid');
    assert.equal(newAfter.keyFingerprint, nextKey.fingerprint);
    const oldAfter = judge(rotated, byOld, ROTATED_AT);
    assert.equal(outcome(oldAfter), 'invalid SIGNATURE_INVALID');
    assert.equal(oldAfter.keyFingerprint, nextKey.fingerprint);
    const oldBefore = judge(rotated, byOld, '2025-04-14T23:59:59.999Z');
    assert.equal(outcome(oldBefore), 'valid');
    assert.equal(oldBefore.keyFingerprint, key.fingerprint);
    assert.equal(outcome(judge(rotated, byNew, '2025-04-14T23:59:59.999Z')), 'invalid SIGNATURE_INVALID');
  });

  it('refuses data measured after the latest accepted time with TIMESTAMP_IN_FUTURE', () => {
    const signature = signData(key.privateKey, DATA);
    const atLimit = new Date(LATEST).toISOString();
    const beyond = new Date(LATEST + 1).toISOString();
    assert.equal(outcome(judge(active, signature, atLimit)), 'valid');
    assert.equal(outcome(judge(active, signature, beyond)), 'invalid TIMESTAMP_IN_FUTURE');
  });

  it('reports the first problem: unknown, future, malformed, invalid, revoked, not active', () => {
    const beyond = new Date(LATEST + 1).toISOString();
    const wrong = signData(key.privateKey, 'other data');
    const cases: [KnownMeter | undefined, string, string, string][] = [
      [undefined, NOT_DER, beyond, 'invalid METER_UNKNOWN'],
      [revoked, NOT_DER, beyond, 'invalid TIMESTAMP_IN_FUTURE'],
      [revoked, NOT_DER, REVOKED_FROM, 'invalid SIGNATURE_MALFORMED'],
      [pending, NOT_DER, MEASURED_AT, 'invalid SIGNATURE_MALFORMED'],
      [revoked, wrong, REVOKED_FROM, 'invalid SIGNATURE_INVALID'],
      [pending, wrong, MEASURED_AT, 'invalid SIGNATURE_INVALID'],
    ];
    for (const [meter, signature, measuredAt, expected] of cases) {
      assert.equal(outcome(judge(meter, signature, measuredAt)), expected, `${expected} at ${measuredAt}`);
    }
  });

  it('lets a key the record holds but that does not parse fail loudly rather than as a verdict', () => {
    const record = meterRecord('meter-1', key, { activatedAt: ACTIVATED_AT });
    const garbled = '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n';
    const broken = new KnownMeter({
      ...record,
      publicKeyPem: garbled,
      keyHistory: record.keyHistory.map((entry) => ({ ...entry, publicKeyPem: garbled })),
    });
    assert.throws(
      () => judge(broken, signData(key.privateKey, DATA)),
      (error: unknown) => isDomainError(error) && error.code === 'KEY_INVALID',
    );
  });
});
