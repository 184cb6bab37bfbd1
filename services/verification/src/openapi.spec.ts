import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { Module } from '@nestjs/common';
import {
  MAX_SIGNED_DATA_LENGTH,
  MAX_VERIFY_BATCH,
  READING_REJECTION_REASONS,
  meterIdSchema,
} from '@metrochain/contracts';
import {
  type OpenApiSchema,
  openApiSchemasOf,
  patternOf,
  propertyOf,
  schemaNamed,
} from '@metrochain/service-kit/testing';
import { VerificationApi } from './verify/verification-api';
import { VerificationsController } from './verify/verifications.controller';

// Only the document is read, so the API behind the controller is never called.
@Module({
  controllers: [VerificationsController],
  providers: [{ provide: VerificationApi, useValue: {} }],
})
class VerificationDocsModule {}

describe('verification OpenAPI document', () => {
  let schemas: Record<string, OpenApiSchema>;
  before(async () => {
    schemas = await openApiSchemasOf(VerificationDocsModule);
  });

  it('documents a check with the meter id pattern, the data bound and what is required', () => {
    const request = schemaNamed(schemas, 'VerifyRequestDto');
    assert.deepEqual(request.required, ['meterId', 'data', 'signature']);
    const meterId = patternOf(propertyOf(request, 'meterId'));
    for (const id of ['meter-0001', 'a b', '']) {
      assert.equal(meterId.test(id), meterIdSchema.safeParse(id).success, id);
    }
    assert.equal(propertyOf(request, 'data').maxLength, MAX_SIGNED_DATA_LENGTH);
  });

  it('documents a batch with the bounds of its schema', () => {
    const checks = propertyOf(schemaNamed(schemas, 'VerifyBatchRequestDto'), 'checks');
    assert.deepEqual([checks.minItems, checks.maxItems], [1, MAX_VERIFY_BATCH]);
    assert.deepEqual(checks.items?.required, ['meterId', 'data', 'signature']);
  });

  it('documents the verdict as the union of a valid and an invalid record, the latter with its reason', () => {
    const [valid = {}, invalid = {}] = schemaNamed(schemas, 'VerifyResponseDto').oneOf ?? [];
    assert.deepEqual(propertyOf(valid, 'outcome').enum, ['valid']);
    assert.deepEqual(propertyOf(invalid, 'outcome').enum, ['invalid']);
    assert.equal(invalid.required?.includes('reason'), true);
    assert.deepEqual(propertyOf(invalid, 'reason').enum, [...READING_REJECTION_REASONS]);
  });

  it('documents the record with its anchor and proof, null until the batch is anchored', () => {
    const response = schemaNamed(schemas, 'VerificationRecordResponseDto');
    assert.deepEqual(response.required, ['record', 'leafHash', 'anchor', 'proof']);
    assert.equal(propertyOf(response, 'anchor').nullable, true);
    assert.equal(propertyOf(response, 'proof').nullable, true);
    assert.equal(propertyOf(response, 'record').oneOf?.length, 2);
  });

  it('documents errors with the shared error body', () => {
    assert.deepEqual(schemaNamed(schemas, 'ErrorBodyDto').required, ['code', 'message']);
  });
});
