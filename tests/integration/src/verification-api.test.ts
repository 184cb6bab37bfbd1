import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import {
  type VerificationRecord,
  type VerificationRecordResponse,
  type VerifyResponse,
  verificationRecordResponseSchema,
  verificationsV1ValueSchema,
  verifyResponseSchema,
} from '@metrochain/contracts';
import { RegistryClient } from '@metrochain/ledger';
import { attestationStatement, keyFingerprint, newNonce, signData, verifyInclusion } from '@metrochain/pki';
import canonicalize from 'canonicalize';
import { Kafka, logLevel } from 'kafkajs';
import { type TestMeter, attestation, newKeyPair, newMeter, rotation } from './support/meters';
import { eventually } from './support/eventually';
import { networkProfile, openSession, type Session } from './support/network';

const VERIFICATION = 'http://127.0.0.1:3002';

async function post(body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${VERIFICATION}/verifications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function verify(request: Record<string, unknown>): Promise<VerifyResponse> {
  const answer = await post(request);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return verifyResponseSchema.parse(answer.body);
}

/** Signs as the authors' Python meter clients did (python-ecdsa, P-256, SHA-256, DER, base64). */
function authorsClient(...args: string[]): string {
  const python = path.join(
    process.env['METROCHAIN_CACHE'] ?? path.join(homedir(), '.cache', 'metrochain'),
    'authors-client',
    'bin',
    'python',
  );
  const script = path.resolve(__dirname, '..', 'authors-client', 'meter_client.py');
  return execFileSync(python, [script, ...args], { encoding: 'utf8' }).trim();
}

describe('verification API on the real network', () => {
  const sessions: Session[] = [];
  let ptb: RegistryClient;
  let inmetro: RegistryClient;

  async function activate(meter: TestMeter): Promise<void> {
    await ptb.attest(attestation(meter, 'PTB'));
    await inmetro.attest(attestation(meter, 'Inmetro'));
  }

  before(async () => {
    const open = async (org: string): Promise<RegistryClient> => {
      const session = await openSession(org, 'registration');
      sessions.push(session);
      return RegistryClient.forConnection(session.connection);
    };
    ptb = await open('PTB');
    inmetro = await open('Inmetro');
  });
  after(() => {
    sessions.forEach((session) => {
      session.close();
    });
  });

  it('answers valid, tampered, wrong meter, unknown meter and malformed signature each with its own result', async () => {
    const meter = newMeter('verify');
    const other = newMeter('verify');
    await activate(meter);
    await activate(other);
    const data = 'energy 1234.5 Wh at 2026-11-23T10:00:00Z';
    const signature = signData(meter.privatePem, data);

    const valid = await verify({ meterId: meter.id, data, signature });
    assert.equal(valid.valid, true);
    assert.equal(valid.meterStatus, 'active');
    assert.deepEqual([...valid.attestedBy].sort(), ['InmetroMSP', 'PTBMSP']);
    assert.equal(valid.verifiedBy, 'PTBMSP');

    const tampered = await verify({ meterId: meter.id, data: `${data}0`, signature });
    assert.deepEqual(
      [tampered.valid, tampered.outcome === 'invalid' && tampered.reason],
      [false, 'SIGNATURE_INVALID'],
    );

    const wrongMeter = await verify({ meterId: other.id, data, signature });
    assert.equal(wrongMeter.outcome === 'invalid' && wrongMeter.reason, 'SIGNATURE_INVALID');
    assert.notEqual(wrongMeter.keyFingerprint, valid.keyFingerprint);

    const unknown = await verify({ meterId: `never-registered-${meter.id}`, data, signature });
    assert.deepEqual(
      [unknown.outcome === 'invalid' && unknown.reason, unknown.meterStatus],
      ['METER_UNKNOWN', 'unknown'],
    );

    const malformed = await post({ meterId: meter.id, data, signature: 'AAAA' });
    assert.deepEqual([malformed.status, malformed.body['code']], [422, 'SIGNATURE_MALFORMED']);
    const badBody = await post({ meterId: meter.id, data });
    assert.deepEqual([badBody.status, badBody.body['code']], [400, 'REQUEST_INVALID']);
  });

  it("accepts a signature made as the authors' Python clients make them", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'authors-client-'));
    const privatePath = path.join(dir, 'meter.pem');
    const publicPath = path.join(dir, 'meter.pub.pem');
    authorsClient('keygen', privatePath, publicPath);
    const meter: TestMeter = {
      id: newMeter('authors').id,
      publicPem: readFileSync(publicPath, 'utf8'),
      privatePem: '',
    };
    // The meter's proof of possession comes from the same Python client: the statement is just UTF-8 text.
    const challengeFor = (org: string): Parameters<RegistryClient['attest']>[0] => {
      const nonce = newNonce();
      const statement = attestationStatement({
        meterId: meter.id,
        keyFingerprint: keyFingerprint(meter.publicPem),
        attester: networkProfile().organizations[org]?.mspId ?? '',
        nonce,
      });
      const signature = authorsClient('sign', privatePath, statement);
      return { meterId: meter.id, model: 'LOOP-2', publicKeyPem: meter.publicPem, nonce, signature };
    };
    await ptb.attest(challengeFor('PTB'));
    await inmetro.attest(challengeFor('Inmetro'));

    const data = '{"speed_kmh": 87.4, "plate": "ABC1D23"}';
    const result = await verify({
      meterId: meter.id,
      data,
      signature: authorsClient('sign', privatePath, data),
    });
    assert.equal(result.valid, true);
  });

  it('logs every verification to verifications.v1 and proves it against the root anchored on the ledger', async () => {
    const meter = newMeter('verify-log');
    await activate(meter);
    const seen = new Map<string, VerificationRecord>();
    const kafka = new Kafka({
      clientId: 'it-verifications',
      brokers: networkProfile().kafka.brokers,
      logLevel: logLevel.NOTHING,
    });
    const consumer = kafka.consumer({ groupId: `it-verifications-${meter.id}` });
    await consumer.connect();
    await consumer.subscribe({ topic: 'verifications.v1', fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        const record = JSON.parse(message.value?.toString() ?? '{}') as VerificationRecord;
        if (record.meterId === meter.id) {
          seen.set(record.verificationId, record);
        }
        return Promise.resolve();
      },
    });
    try {
      const data = 'log me';
      const answers = [
        await verify({ meterId: meter.id, data, signature: signData(meter.privatePem, data) }),
        await verify({ meterId: meter.id, data: 'log me too', signature: signData(meter.privatePem, data) }),
      ];
      for (const answer of answers) {
        const record = verificationsV1ValueSchema.parse(
          Object.fromEntries(Object.entries(answer).filter(([field]) => field !== 'valid')),
        );
        const proven = await eventually(`anchor of ${answer.verificationId}`, async () => {
          const response = await fetch(`${VERIFICATION}/verifications/${answer.verificationId}`);
          assert.equal(response.status, 200);
          const body = verificationRecordResponseSchema.parse(await response.json());
          return body.anchor === null ? undefined : body;
        });
        assert.deepEqual(proven.record, record);
        await assertProvenOnLedger(proven, ptb);
        const published = await eventually(`${answer.verificationId} in verifications.v1`, () =>
          Promise.resolve(seen.get(answer.verificationId)),
        );
        assert.deepEqual(published, record);
      }
    } finally {
      await consumer.disconnect();
    }
    const unknownId = await fetch(`${VERIFICATION}/verifications/vb-none-0-1.0`);
    assert.equal(unknownId.status, 404);
  });

  it('reports a revoked meter revoked from the revocation on, and a rotated key valid only after the rotation', async () => {
    const meter = newMeter('verify-life');
    await activate(meter);
    const data = 'before any change';
    const beforeChange = new Date().toISOString();
    assert.equal(
      (await verify({ meterId: meter.id, data, signature: signData(meter.privatePem, data) })).valid,
      true,
    );

    const next = newKeyPair();
    await ptb.rotateKey(rotation(meter, next));
    const afterRotation = new Date(Date.now() + 1000).toISOString();
    const rotated = await eventually('the rotated key in the verification caches', async () => {
      const answer = await verify({
        meterId: meter.id,
        data,
        signature: signData(next.privatePem, data),
        measuredAt: afterRotation,
      });
      return answer.valid ? answer : undefined;
    });
    assert.equal(rotated.meterStatus, 'active');
    const oldKeyLater = await verify({
      meterId: meter.id,
      data,
      signature: signData(meter.privatePem, data),
      measuredAt: afterRotation,
    });
    assert.equal(oldKeyLater.outcome === 'invalid' && oldKeyLater.reason, 'SIGNATURE_INVALID');
    const oldKeyEarlier = await verify({
      meterId: meter.id,
      data,
      signature: signData(meter.privatePem, data),
      measuredAt: beforeChange,
    });
    assert.equal(oldKeyEarlier.valid, true);

    // The revocation takes effect at its transaction time, after the times checked so far.
    await delay(Math.max(0, Date.parse(afterRotation) - Date.now() + 500));
    await ptb.revoke({ meterId: meter.id, reason: 'seal broken during inspection' });
    const revoked = await eventually('the revocation in the verification caches', async () => {
      const answer = await verify({
        meterId: meter.id,
        data,
        signature: signData(next.privatePem, data),
        measuredAt: new Date(Date.now() + 1000).toISOString(),
      });
      return answer.outcome === 'invalid' ? answer : undefined;
    });
    assert.deepEqual([revoked.reason, revoked.meterStatus], ['METER_REVOKED', 'revoked']);
    // Data measured while the meter was active still verifies: revocation is not retroactive beyond its time.
    const earlier = await verify({
      meterId: meter.id,
      data,
      signature: signData(next.privatePem, data),
      measuredAt: afterRotation,
    });
    assert.equal(earlier.valid, true);
  });
});

/** The record's inclusion proof checks out against the root the ledger holds for its batch. */
async function assertProvenOnLedger(
  proven: VerificationRecordResponse,
  registry: RegistryClient,
): Promise<void> {
  assert.ok(proven.anchor !== null && proven.proof !== null);
  const batch = await registry.getVerificationBatch(proven.anchor.batchId);
  const leaf = Buffer.from(canonicalize(proven.record) ?? '', 'utf8');
  assert.equal(verifyInclusion(leaf, proven.proof, batch.merkleRoot), true);
  assert.equal(batch.size, proven.proof.treeSize);
}
