import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { beforeEach, describe, it } from 'node:test';
import { keyFingerprint, newNonce } from '@metrochain/pki';
import { FakeChallengeRedis } from './challenge-redis.fake';
import {
  CHALLENGE_TTL_SECONDS,
  type PendingChallenge,
  RedisChallengeStore,
  RedisRotationStore,
  challengeKey,
  rotationKey,
} from './challenge.store';

const publicKeyPem = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  .publicKey.export({ format: 'pem', type: 'spki' })
  .toString();
const challenge: PendingChallenge = {
  meterId: 'meter-0001',
  model: 'EM-340 Rev.2',
  publicKeyPem,
  keyFingerprint: keyFingerprint(publicKeyPem),
  attester: 'PTBMSP',
  manufacturer: 'acme',
};

describe('RedisChallengeStore', () => {
  let redis: FakeChallengeRedis;
  let store: RedisChallengeStore;
  beforeEach(() => {
    redis = new FakeChallengeRedis();
    store = new RedisChallengeStore(redis.asRedis());
  });

  it('stores the challenge as JSON under registration:challenge:<nonce> for 300 s', async () => {
    const nonce = newNonce();
    await store.put(nonce, challenge);
    const key = `registration:challenge:${nonce}`;
    assert.equal(challengeKey(nonce), key);
    assert.equal(redis.ttls.get(key), CHALLENGE_TTL_SECONDS);
    assert.equal(CHALLENGE_TTL_SECONDS, 300);
    assert.deepEqual(JSON.parse(redis.entries.get(key)?.value ?? 'null'), challenge);
  });

  it('hands a challenge out once', async () => {
    const nonce = newNonce();
    await store.put(nonce, challenge);
    assert.deepEqual(await store.take(nonce), challenge);
    assert.equal(await store.take(nonce), undefined);
  });

  it('forgets a challenge once its TTL has passed', async () => {
    const nonce = newNonce();
    await store.put(nonce, challenge);
    redis.nowMs += CHALLENGE_TTL_SECONDS * 1000;
    assert.equal(await store.take(nonce), undefined);
  });

  it('refuses to overwrite a live challenge with the same nonce', async () => {
    const nonce = newNonce();
    await store.put(nonce, challenge);
    await assert.rejects(store.put(nonce, { ...challenge, meterId: 'other' }));
    assert.deepEqual(await store.take(nonce), challenge);
  });

  it('rejects a stored record that does not match the schema', async () => {
    const nonce = newNonce();
    await redis.set(challengeKey(nonce), JSON.stringify({ meterId: 'x' }), 'EX', 300, 'NX');
    await assert.rejects(store.take(nonce));
  });
});

describe('RedisRotationStore', () => {
  const rotation = {
    meterId: 'meter-0001',
    oldKeyFingerprint: keyFingerprint(publicKeyPem),
    newPublicKeyPem: publicKeyPem,
    newKeyFingerprint: keyFingerprint(publicKeyPem),
  };

  it('keeps rotations under registration:rotation:<nonce>, apart from registration challenges', async () => {
    const redis = new FakeChallengeRedis();
    const rotations = new RedisRotationStore(redis.asRedis());
    const challenges = new RedisChallengeStore(redis.asRedis());
    const nonce = newNonce();
    await rotations.put(nonce, rotation);
    assert.equal(rotationKey(nonce), `registration:rotation:${nonce}`);
    assert.equal(redis.ttls.get(rotationKey(nonce)), CHALLENGE_TTL_SECONDS);
    assert.equal(await challenges.take(nonce), undefined);
    assert.deepEqual(await rotations.take(nonce), rotation);
    assert.equal(await rotations.take(nonce), undefined);
  });
});
