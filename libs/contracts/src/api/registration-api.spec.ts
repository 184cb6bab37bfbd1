import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  committedMeterViewSchema,
  issuedChallengeSchema,
  registrationRequestSchema,
  revocationRequestSchema,
  rotationRequestSchema,
  rotationResponseSchema,
} from './registration-api';

const NONCE = 'A'.repeat(43);

describe('registration API schemas', () => {
  it('keep the registration request strict, the key only as text', () => {
    assert.ok(
      registrationRequestSchema.safeParse({ meterId: 'm-1', model: 'EM-340', publicKeyPem: 'x' }).success,
    );
    assert.equal(
      registrationRequestSchema.safeParse({ meterId: 'm-1', model: 'EM-340', publicKeyPem: 'x', extra: 1 })
        .success,
      false,
    );
  });

  it('answer a registration with the challenge under both names', () => {
    const issued = {
      challengeId: NONCE,
      registrationId: NONCE,
      statement: '{}',
      expiresAt: '2025-01-01T00:05:00.000Z',
    };
    assert.deepEqual(issuedChallengeSchema.parse(issued), issued);
  });

  it('take a revocation reason of 1..1000 characters and an effective time with offset only', () => {
    const valid = [
      { reason: 'x' },
      { reason: 'x'.repeat(1000), effectiveAt: '2025-01-01T00:00:00Z' },
      { reason: 'x', effectiveAt: '2025-01-01T02:00:00.000+02:00' },
    ];
    const invalid = [
      {},
      { reason: '' },
      { reason: 'x'.repeat(1001) },
      { reason: 'x', effectiveAt: '2025-01-01T00:00:00' },
      { reason: 'x', effectiveAt: 'yesterday' },
      { reason: 'x', by: 'PTBMSP' },
    ];
    valid.forEach((body) => {
      assert.ok(revocationRequestSchema.safeParse(body).success, JSON.stringify(body));
    });
    invalid.forEach((body) => {
      assert.equal(revocationRequestSchema.safeParse(body).success, false, JSON.stringify(body));
    });
  });

  it('want both rotation signatures in base64 and nothing else', () => {
    assert.ok(rotationRequestSchema.safeParse({ newPublicKeyPem: 'x' }).success);
    assert.equal(rotationRequestSchema.safeParse({}).success, false);
    assert.ok(rotationResponseSchema.safeParse({ oldKeySignature: 'AAAA', newKeySignature: 'AAAA' }).success);
    assert.equal(rotationResponseSchema.safeParse({ oldKeySignature: 'AAAA' }).success, false);
    assert.equal(
      rotationResponseSchema.safeParse({ oldKeySignature: 'AAAA', newKeySignature: '!' }).success,
      false,
    );
  });

  it('show the block number of a committed write as a decimal string', () => {
    const shape = committedMeterViewSchema.shape.blockNumber;
    assert.ok(shape.safeParse('18446744073709551615').success);
    assert.equal(shape.safeParse('12a').success, false);
  });
});
