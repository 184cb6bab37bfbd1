import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import { beforeEach, describe, it } from 'node:test';
import type {
  AttestBatchRequest,
  AttestBatchResult,
  AttestRequest,
  CommittedMeterView,
  MeterRecord,
} from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import { LedgerError } from '@metrochain/ledger';
import { attestationStatement, keyFingerprint, signData } from '@metrochain/pki';
import { FakeChallengeRedis } from './challenge-redis.fake';
import { RedisChallengeStore, challengeKey } from './challenge.store';
import { type AttestBatchPort, AttestationBatcher } from './attestation-batcher';
import { AttestAndRead, type RegistryPort } from './attest-and-read';
import type { AttestationMode } from '@metrochain/contracts';
import type { HeldRegistration } from './held-registrations';
import { registrationError, RegistrationErrorCode } from './registration-error';
import { RegistrationService } from './registration.service';

const meterKeys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const publicKeyPem = meterKeys.publicKey.export({ format: 'pem', type: 'spki' }).toString();
const request = { meterId: 'meter-0001', model: 'EM-340 Rev.2', publicKeyPem };
const NOW = new Date('2025-01-01T00:00:00.000Z');

function hasCode(code: string): (error: unknown) => boolean {
  return (error: unknown) => error instanceof DomainError && error.code === code;
}

/** The ledger side: attestBatch reports each attestation as the chaincode does, getMeter reads what it recorded. */
class FakeRegistry implements RegistryPort, AttestBatchPort {
  readonly attested: AttestRequest[] = [];
  readonly batches: number[] = [];
  readonly #meters = new Map<string, MeterRecord>();
  refuseWith: { code: string; message: string } | undefined;
  readsAtOnce = 0;
  #reading = 0;

  attestBatch(request: AttestBatchRequest): ReturnType<AttestBatchPort['attestBatch']> {
    this.batches.push(request.attestations.length);
    const results = request.attestations.map((attestation): AttestBatchResult['results'][number] => {
      this.attested.push(attestation);
      if (this.refuseWith !== undefined) {
        return { ok: false, meterId: attestation.meterId, ...this.refuseWith };
      }
      this.#meters.set(attestation.meterId, this.#record(attestation));
      return { ok: true, meterId: attestation.meterId, status: 'pending' };
    });
    return Promise.resolve({ results, transactionId: 'tx-1', blockNumber: 7n });
  }

  async getMeter(meterId: string): Promise<MeterRecord> {
    this.#reading += 1;
    this.readsAtOnce = Math.max(this.readsAtOnce, this.#reading);
    await setImmediate();
    this.#reading -= 1;
    const meter = this.#meters.get(meterId);
    if (meter === undefined) {
      throw new LedgerError({ code: 'METER_UNKNOWN', message: `meter ${meterId} is not registered` });
    }
    return meter;
  }

  #record(attestation: AttestRequest): MeterRecord {
    const fingerprint = keyFingerprint(attestation.publicKeyPem);
    const at = NOW.toISOString();
    return {
      meterId: attestation.meterId,
      model: attestation.model,
      status: 'pending',
      publicKeyPem: attestation.publicKeyPem,
      keyFingerprint: fingerprint,
      keyHistory: [{ keyFingerprint: fingerprint, publicKeyPem: attestation.publicKeyPem, validFrom: at }],
      attestations: [{ msp: 'PTBMSP', keyFingerprint: fingerprint, at, txId: 'tx-1' }],
    };
  }
}

const MANUFACTURER = 'acme';

/** The governance side: EM-340 Rev.2 is acme's, OTHER-1 globex's, anything else unapproved. */
const models = {
  requireApproved: (model: string, manufacturer: string): Promise<never> | Promise<undefined> => {
    const owner = model === request.model ? MANUFACTURER : model === 'OTHER-1' ? 'globex' : undefined;
    if (owner === undefined) {
      return Promise.reject(registrationError(RegistrationErrorCode.MODEL_NOT_APPROVED, 'not approved'));
    }
    if (owner !== manufacturer) {
      return Promise.reject(registrationError(RegistrationErrorCode.MODEL_NOT_YOURS, 'not yours'));
    }
    return Promise.resolve(undefined);
  },
};

describe('RegistrationService', () => {
  let redis: FakeChallengeRedis;
  let registry: FakeRegistry;
  let service: RegistrationService;
  let mode: AttestationMode;
  let held: HeldRegistration[];
  beforeEach(() => {
    redis = new FakeChallengeRedis();
    registry = new FakeRegistry();
    mode = 'automatic';
    held = [];
    const attestations = new AttestationBatcher({ registry, maxBatchSize: 10, lingerMs: 20, maxInFlight: 1 });
    service = new RegistrationService({
      store: new RedisChallengeStore(redis.asRedis()),
      registry,
      attester: new AttestAndRead({ registry, attestations, maxConcurrentReads: 2 }),
      models: { requireApproved: models.requireApproved as never },
      policies: { modeFor: () => Promise.resolve(mode) },
      held: { hold: (entry) => Promise.resolve(void held.push(entry)) },
      nmi: 'PTBMSP',
      now: () => NOW,
    });
  });

  it('issues a challenge whose statement names the meter, key, attester and nonce, stored for 300 s', async () => {
    const issued = await service.issueChallenge(request, MANUFACTURER);
    const fingerprint = keyFingerprint(publicKeyPem);
    assert.equal(
      issued.statement,
      attestationStatement({
        meterId: 'meter-0001',
        keyFingerprint: fingerprint,
        attester: 'PTBMSP',
        nonce: issued.challengeId,
      }),
    );
    assert.equal(issued.expiresAt, '2025-01-01T00:05:00.000Z');
    assert.equal(issued.registrationId, issued.challengeId);
    const key = challengeKey(issued.challengeId);
    assert.equal(redis.ttls.get(key), 300);
    assert.deepEqual(JSON.parse(redis.entries.get(key)?.value ?? 'null'), {
      ...request,
      keyFingerprint: fingerprint,
      attester: 'PTBMSP',
      manufacturer: MANUFACTURER,
    });
  });

  it('issues a different nonce each time', async () => {
    const first = await service.issueChallenge(request, MANUFACTURER);
    const second = await service.issueChallenge(request, MANUFACTURER);
    assert.notEqual(first.challengeId, second.challengeId);
  });

  it('refuses a key that is not P-256 with KEY_INVALID and stores nothing', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({
      format: 'pem',
      type: 'spki',
    });
    await assert.rejects(
      service.issueChallenge({ ...request, publicKeyPem: rsa.toString() }, MANUFACTURER),
      hasCode('KEY_INVALID'),
    );
    await assert.rejects(
      service.issueChallenge({ ...request, publicKeyPem: 'garbage' }, MANUFACTURER),
      hasCode('KEY_INVALID'),
    );
    assert.equal(redis.entries.size, 0);
  });

  it('refuses a malformed body with REQUEST_INVALID', async () => {
    await assert.rejects(
      service.issueChallenge({ ...request, meterId: 'bad id' }, MANUFACTURER),
      hasCode('REQUEST_INVALID'),
    );
    await assert.rejects(service.issueChallenge(undefined, MANUFACTURER), hasCode('REQUEST_INVALID'));
    assert.equal(redis.entries.size, 0);
  });

  it('attests the signed answer with the stored key and nonce, then returns the record', async () => {
    const issued = await service.issueChallenge(request, MANUFACTURER);
    const signature = signData(meterKeys.privateKey, issued.statement);
    const meter = (await service.answerChallenge(
      issued.challengeId,
      { signature },
      MANUFACTURER,
    )) as CommittedMeterView;
    assert.deepEqual(registry.attested, [{ ...request, nonce: issued.challengeId, signature }]);
    assert.equal(meter.status, 'pending');
    assert.equal(meter.transactionId, 'tx-1');
    assert.equal(meter.blockNumber, '7');
  });

  it('accepts each challenge once', async () => {
    const issued = await service.issueChallenge(request, MANUFACTURER);
    const signature = signData(meterKeys.privateKey, issued.statement);
    await service.answerChallenge(issued.challengeId, { signature }, MANUFACTURER);
    await assert.rejects(
      service.answerChallenge(issued.challengeId, { signature }, MANUFACTURER),
      hasCode('CHALLENGE_UNKNOWN'),
    );
    assert.equal(registry.attested.length, 1);
  });

  it('answers CHALLENGE_UNKNOWN for expired, unknown and malformed challenge ids', async () => {
    const issued = await service.issueChallenge(request, MANUFACTURER);
    const signature = signData(meterKeys.privateKey, issued.statement);
    redis.nowMs += 300_000;
    await assert.rejects(
      service.answerChallenge(issued.challengeId, { signature }, MANUFACTURER),
      hasCode('CHALLENGE_UNKNOWN'),
    );
    await assert.rejects(
      service.answerChallenge('A'.repeat(43), { signature }, MANUFACTURER),
      hasCode('CHALLENGE_UNKNOWN'),
    );
    await assert.rejects(
      service.answerChallenge('not-a-nonce', { signature }, MANUFACTURER),
      hasCode('CHALLENGE_UNKNOWN'),
    );
    assert.equal(registry.attested.length, 0);
  });

  it('keeps the challenge when the answer body is malformed', async () => {
    const issued = await service.issueChallenge(request, MANUFACTURER);
    await assert.rejects(
      service.answerChallenge(issued.challengeId, { signature: '!' }, MANUFACTURER),
      hasCode('REQUEST_INVALID'),
    );
    assert.equal(redis.entries.size, 1);
  });

  it('passes the ledger refusal on with its code, the challenge spent', async () => {
    const issued = await service.issueChallenge(request, MANUFACTURER);
    registry.refuseWith = { code: 'SIGNATURE_INVALID', message: 'bad proof' };
    await assert.rejects(
      service.answerChallenge(issued.challengeId, { signature: 'AAAA' }, MANUFACTURER),
      hasCode('SIGNATURE_INVALID'),
    );
    assert.equal(redis.entries.size, 0);
  });

  it('attests answers that arrive together in one transaction, each answered with its own meter', async () => {
    const meters = ['meter-0001', 'meter-0002', 'meter-0003'];
    const answers = await Promise.all(
      meters.map(async (meterId) => {
        const issued = await service.issueChallenge({ ...request, meterId }, MANUFACTURER);
        const signature = signData(meterKeys.privateKey, issued.statement);
        return (await service.answerChallenge(
          issued.challengeId,
          { signature },
          MANUFACTURER,
        )) as CommittedMeterView;
      }),
    );
    assert.deepEqual(registry.batches, [3]);
    assert.equal(registry.readsAtOnce, 2, 'the records are read after the commit, at most two at once');
    assert.deepEqual(
      answers.map((answer) => [answer.meterId, answer.status, answer.transactionId, answer.blockNumber]),
      meters.map((meterId) => [meterId, 'pending', 'tx-1', '7']),
    );
  });

  it('reads a meter through the registry, METER_UNKNOWN included', async () => {
    await assert.rejects(service.getMeter('meter-0404'), hasCode('METER_UNKNOWN'));
  });

  it('refuses an unapproved model with MODEL_NOT_APPROVED and another manufacturer’s with MODEL_NOT_YOURS', async () => {
    await assert.rejects(
      service.issueChallenge({ ...request, model: 'NEW-1' }, MANUFACTURER),
      hasCode('MODEL_NOT_APPROVED'),
    );
    await assert.rejects(
      service.issueChallenge({ ...request, model: 'OTHER-1' }, MANUFACTURER),
      hasCode('MODEL_NOT_YOURS'),
    );
    assert.equal(redis.entries.size, 0);
  });

  it('answers CHALLENGE_UNKNOWN to another manufacturer and attests nothing', async () => {
    const issued = await service.issueChallenge(request, MANUFACTURER);
    const signature = signData(meterKeys.privateKey, issued.statement);
    await assert.rejects(
      service.answerChallenge(issued.challengeId, { signature }, 'globex'),
      hasCode('CHALLENGE_UNKNOWN'),
    );
    assert.equal(registry.attested.length, 0);
  });

  it('holds a proven answer for an operator under operator-approval, attesting nothing', async () => {
    mode = 'operator-approval';
    const issued = await service.issueChallenge(request, MANUFACTURER);
    const signature = signData(meterKeys.privateKey, issued.statement);
    const answer = await service.answerChallenge(issued.challengeId, { signature }, MANUFACTURER);
    assert.equal(answer.status, 'held');
    assert.equal(held.length, 1);
    assert.equal(held[0]?.signature, signature);
    assert.equal(registry.attested.length, 0);
  });

  it('refuses to hold an answer whose signature fails, with SIGNATURE_INVALID', async () => {
    mode = 'operator-approval';
    const issued = await service.issueChallenge(request, MANUFACTURER);
    const signature = signData(meterKeys.privateKey, 'something else');
    await assert.rejects(
      service.answerChallenge(issued.challengeId, { signature }, MANUFACTURER),
      hasCode('SIGNATURE_INVALID'),
    );
    assert.equal(held.length, 0);
  });
});
