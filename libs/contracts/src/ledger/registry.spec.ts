import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CHAINCODE_ERROR_CODES, parseChaincodeError } from './chaincode-errors';
import {
  DEFAULT_REGISTRY_CONFIG,
  REGISTRY_CONTRACT,
  REGISTRY_EVENT_SCHEMAS,
  RegistryEvents,
  RegistryTransactions,
  attestRequestSchema,
  meterActivatedEventSchema,
  meterModelSchema,
  meterRecordSchema,
  registryConfigSchema,
  revokeRequestSchema,
  signatureCheckSchema,
  verificationBatchRequestSchema,
} from './registry';

const PEM = '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n';
const FINGERPRINT = 'a'.repeat(64);
const NONCE = 'n'.repeat(43);
const AT = '2026-01-01T00:00:00.000Z';

describe('registry contract definitions', () => {
  it('names the contract and transactions once each', () => {
    assert.equal(REGISTRY_CONTRACT, 'registry');
    const names = Object.values(RegistryTransactions);
    assert.equal(names.length, 10);
    assert.deepEqual(Object.keys(RegistryTransactions), names);
  });

  it('names every lifecycle event under registry. with a payload schema', () => {
    assert.deepEqual(Object.values(RegistryEvents).sort(), [
      'registry.batch.anchored',
      'registry.meter.activated',
      'registry.meter.attested',
      'registry.meter.key-rotated',
      'registry.meter.revoked',
      'registry.meters.attested',
    ]);
    assert.deepEqual(Object.keys(REGISTRY_EVENT_SCHEMAS).sort(), Object.values(RegistryEvents).sort());
  });

  it('defaults to two attestations and any model, and refuses fewer than one', () => {
    assert.deepEqual(DEFAULT_REGISTRY_CONFIG, { requiredAttestations: 2, approvedModels: [] });
    assert.equal(registryConfigSchema.safeParse(DEFAULT_REGISTRY_CONFIG).success, true);
    assert.equal(
      registryConfigSchema.safeParse({ requiredAttestations: 0, approvedModels: [] }).success,
      false,
    );
    assert.equal(
      registryConfigSchema.safeParse({ requiredAttestations: 1.5, approvedModels: [] }).success,
      false,
    );
  });

  it('lets clients parse every registry error code', () => {
    for (const code of [
      'KEY_INVALID',
      'SIGNATURE_INVALID',
      'ALREADY_ATTESTED',
      'NONCE_REUSED',
      'METER_UNKNOWN',
    ]) {
      assert.ok((CHAINCODE_ERROR_CODES as readonly string[]).includes(code), code);
      assert.equal(parseChaincodeError(`[${code}] text`)?.code, code);
    }
  });
});

describe('registry schemas', () => {
  const attest = {
    meterId: 'm-1',
    model: 'EM-340 Rev.2',
    publicKeyPem: PEM,
    nonce: NONCE,
    signature: 'AAAA',
  };

  it('accepts a well-formed attestation request and names the offending fields of a bad one', () => {
    assert.equal(attestRequestSchema.safeParse(attest).success, true);
    const bad = attestRequestSchema.safeParse({ ...attest, nonce: 'short', signature: 'not base64!' });
    assert.equal(bad.success, false);
    assert.deepEqual(
      bad.error.issues.map((issue) => issue.path.join('.')),
      ['nonce', 'signature'],
    );
  });

  it('refuses model names with surrounding blanks or control characters', () => {
    assert.equal(meterModelSchema.safeParse('EM-340').success, true);
    for (const model of ['', ' EM-340', 'EM-340 ', 'EM\n340']) {
      assert.equal(meterModelSchema.safeParse(model).success, false, JSON.stringify(model));
    }
  });

  it('makes effectiveAt optional but demands an explicit offset when present', () => {
    assert.equal(revokeRequestSchema.safeParse({ meterId: 'm-1', reason: 'seal broken' }).success, true);
    const local = { meterId: 'm-1', reason: 'seal broken', effectiveAt: '2026-01-01T00:00:00' };
    assert.equal(revokeRequestSchema.safeParse(local).success, false);
  });

  it('requires at least one key in a meter record', () => {
    const record = {
      meterId: 'm-1',
      model: 'EM-340',
      status: 'pending',
      publicKeyPem: PEM,
      keyFingerprint: FINGERPRINT,
      keyHistory: [{ keyFingerprint: FINGERPRINT, publicKeyPem: PEM, validFrom: AT }],
      attestations: [{ msp: 'PTBMSP', keyFingerprint: FINGERPRINT, at: AT, txId: 'tx-1' }],
    };
    assert.equal(meterRecordSchema.safeParse(record).success, true);
    assert.equal(meterRecordSchema.safeParse({ ...record, keyHistory: [] }).success, false);
  });

  it('reports unknown meters as a status, not an error', () => {
    const check = { meterId: 'm-9', valid: false, status: 'unknown', measuredAt: AT, attestedBy: [] };
    assert.equal(signatureCheckSchema.safeParse(check).success, true);
  });

  it('only calls an activation event active', () => {
    const event = {
      meterId: 'm-1',
      model: 'EM-340',
      status: 'active',
      keyFingerprint: FINGERPRINT,
      publicKeyPem: PEM,
      attestation: { msp: 'LNEMSP', keyFingerprint: FINGERPRINT, at: AT, txId: 'tx-2' },
      attestedBy: ['PTBMSP', 'LNEMSP'],
      requiredAttestations: 2,
      activatedAt: AT,
    };
    assert.equal(meterActivatedEventSchema.safeParse(event).success, true);
    assert.equal(meterActivatedEventSchema.safeParse({ ...event, status: 'pending' }).success, false);
  });

  it('demands a lowercase SHA-256 root and a positive size for a batch', () => {
    const batch = { batchId: 'batch-2026-01-01', merkleRoot: FINGERPRINT, size: 10 };
    assert.equal(verificationBatchRequestSchema.safeParse(batch).success, true);
    assert.equal(verificationBatchRequestSchema.safeParse({ ...batch, size: 0 }).success, false);
    const upper = { ...batch, merkleRoot: 'A'.repeat(64) };
    assert.equal(verificationBatchRequestSchema.safeParse(upper).success, false);
  });
});
