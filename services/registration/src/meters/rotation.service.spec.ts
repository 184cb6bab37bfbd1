import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { beforeEach, describe, it } from 'node:test';
import type { MeterRecord, RotateKeyRequest } from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import { type CommittedTransaction, LedgerError } from '@metrochain/ledger';
import { keyFingerprint, rotationStatement, signData } from '@metrochain/pki';
import { FakeChallengeRedis } from './challenge-redis.fake';
import { RedisRotationStore, rotationKey } from './challenge.store';
import { RotationService } from './rotation.service';

const keyPair = (): { publicPem: string; privatePem: string } => {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    publicPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
};
const oldKey = keyPair();
const newKey = keyPair();
const NOW = new Date('2025-01-01T00:00:00.000Z');

function hasCode(code: string): (error: unknown) => boolean {
  return (error: unknown) => error instanceof DomainError && error.code === code;
}

function meter(status: MeterRecord['status'] = 'active'): MeterRecord {
  const fingerprint = keyFingerprint(oldKey.publicPem);
  return {
    meterId: 'meter-1',
    model: 'EM-340',
    status,
    publicKeyPem: oldKey.publicPem,
    keyFingerprint: fingerprint,
    keyHistory: [
      { keyFingerprint: fingerprint, publicKeyPem: oldKey.publicPem, validFrom: NOW.toISOString() },
    ],
    attestations: [],
  };
}

class FakeRegistry {
  readonly rotations: RotateKeyRequest[] = [];
  current: MeterRecord | undefined = meter();
  failWith: LedgerError | undefined;

  getMeter(meterId: string): Promise<MeterRecord> {
    return this.current === undefined
      ? Promise.reject(new LedgerError({ code: 'METER_UNKNOWN', message: `no ${meterId}` }))
      : Promise.resolve(this.current);
  }

  rotateKey(request: RotateKeyRequest): Promise<MeterRecord & CommittedTransaction> {
    this.rotations.push(request);
    if (this.failWith !== undefined) {
      return Promise.reject(this.failWith);
    }
    const fingerprint = keyFingerprint(request.newPublicKeyPem);
    return Promise.resolve({
      ...meter(),
      publicKeyPem: request.newPublicKeyPem,
      keyFingerprint: fingerprint,
      transactionId: 'tx-r',
      blockNumber: 30n,
    });
  }
}

describe('RotationService', () => {
  let redis: FakeChallengeRedis;
  let registry: FakeRegistry;
  let service: RotationService;
  beforeEach(() => {
    redis = new FakeChallengeRedis();
    registry = new FakeRegistry();
    service = new RotationService({
      store: new RedisRotationStore(redis.asRedis()),
      registry,
      now: () => NOW,
    });
  });

  it('issues the canonical rotation statement over the current and the new key, stored for 300 s', async () => {
    const issued = await service.issueRotation('meter-1', { newPublicKeyPem: newKey.publicPem });
    const fingerprints = {
      oldKeyFingerprint: keyFingerprint(oldKey.publicPem),
      newKeyFingerprint: keyFingerprint(newKey.publicPem),
    };
    assert.deepEqual(issued, {
      rotationId: issued.rotationId,
      meterId: 'meter-1',
      statement: rotationStatement({ meterId: 'meter-1', ...fingerprints, nonce: issued.rotationId }),
      ...fingerprints,
      expiresAt: '2025-01-01T00:05:00.000Z',
    });
    assert.equal(redis.ttls.get(rotationKey(issued.rotationId)), 300);
    const second = await service.issueRotation('meter-1', { newPublicKeyPem: newKey.publicPem });
    assert.notEqual(second.rotationId, issued.rotationId);
  });

  it('sends both signatures with the stored key and nonce, and answers the rotated record', async () => {
    const issued = await service.issueRotation('meter-1', { newPublicKeyPem: newKey.publicPem });
    const answer = {
      oldKeySignature: signData(oldKey.privatePem, issued.statement),
      newKeySignature: signData(newKey.privatePem, issued.statement),
    };
    const view = await service.answerRotation(issued.rotationId, answer);
    const [sent] = registry.rotations;
    assert.ok(sent && registry.rotations.length === 1);
    assert.deepEqual(sent, {
      meterId: 'meter-1',
      newPublicKeyPem: sent.newPublicKeyPem,
      nonce: issued.rotationId,
      ...answer,
    });
    assert.equal(keyFingerprint(sent.newPublicKeyPem), issued.newKeyFingerprint);
    assert.equal(view.keyFingerprint, issued.newKeyFingerprint);
    assert.equal(view.blockNumber, '30');
    await assert.rejects(service.answerRotation(issued.rotationId, answer), hasCode('CHALLENGE_UNKNOWN'));
    assert.equal(registry.rotations.length, 1);
  });

  it('answers CHALLENGE_UNKNOWN for expired, unknown and malformed rotation ids, and for registration ids', async () => {
    const issued = await service.issueRotation('meter-1', { newPublicKeyPem: newKey.publicPem });
    const answer = { oldKeySignature: 'AAAA', newKeySignature: 'AAAA' };
    redis.nowMs += 300_000;
    await assert.rejects(service.answerRotation(issued.rotationId, answer), hasCode('CHALLENGE_UNKNOWN'));
    await assert.rejects(service.answerRotation('not-a-nonce', answer), hasCode('CHALLENGE_UNKNOWN'));
    const other = 'A'.repeat(43);
    await redis.set(`registration:challenge:${other}`, '{}', 'EX', 300, 'NX');
    await assert.rejects(service.answerRotation(other, answer), hasCode('CHALLENGE_UNKNOWN'));
    assert.equal(registry.rotations.length, 0);
  });

  it('keeps the challenge when the answer body is malformed', async () => {
    const issued = await service.issueRotation('meter-1', { newPublicKeyPem: newKey.publicPem });
    await assert.rejects(
      service.answerRotation(issued.rotationId, { oldKeySignature: 'AAAA' }),
      hasCode('REQUEST_INVALID'),
    );
    assert.ok(redis.entries.has(rotationKey(issued.rotationId)));
  });

  it('passes the ledger’s SIGNATURE_INVALID on, the challenge spent', async () => {
    const issued = await service.issueRotation('meter-1', { newPublicKeyPem: newKey.publicPem });
    registry.failWith = new LedgerError({ code: 'SIGNATURE_INVALID', message: 'old key' });
    const answer = { oldKeySignature: 'AAAA', newKeySignature: 'AAAA' };
    await assert.rejects(service.answerRotation(issued.rotationId, answer), hasCode('SIGNATURE_INVALID'));
    assert.equal(redis.entries.size, 0);
  });

  it('refuses a bad key, an unknown, revoked or pending meter and a key the meter held, storing nothing', async () => {
    await assert.rejects(
      service.issueRotation('meter-1', { newPublicKeyPem: 'garbage' }),
      hasCode('KEY_INVALID'),
    );
    await assert.rejects(
      service.issueRotation('meter 1', { newPublicKeyPem: newKey.publicPem }),
      hasCode('REQUEST_INVALID'),
    );
    await assert.rejects(service.issueRotation('meter-1', {}), hasCode('REQUEST_INVALID'));
    await assert.rejects(
      service.issueRotation('meter-1', { newPublicKeyPem: oldKey.publicPem }),
      hasCode('KEY_REUSED'),
    );
    registry.current = meter('revoked');
    await assert.rejects(
      service.issueRotation('meter-1', { newPublicKeyPem: newKey.publicPem }),
      hasCode('METER_REVOKED'),
    );
    registry.current = meter('pending');
    await assert.rejects(
      service.issueRotation('meter-1', { newPublicKeyPem: newKey.publicPem }),
      hasCode('METER_NOT_ACTIVE'),
    );
    registry.current = undefined;
    await assert.rejects(
      service.issueRotation('meter-1', { newPublicKeyPem: newKey.publicPem }),
      hasCode('METER_UNKNOWN'),
    );
    assert.equal(redis.entries.size, 0);
  });
});
