import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { Module } from '@nestjs/common';
import { METER_STATUSES, isoTimestampSchema, meterIdSchema } from '@metrochain/contracts';
import {
  type OpenApiSchema,
  openApiSchemasOf,
  patternOf,
  propertyOf,
  schemaNamed,
} from '@metrochain/service-kit/testing';
import { LifecycleController } from './lifecycle/lifecycle.controller';
import { LifecyclePublisherHost } from './lifecycle/lifecycle-publisher.host';
import { ApprovalQueueService } from './meters/approval-queue.service';
import { ApprovalsController } from './meters/approvals.controller';
import { MeterChangesController } from './meters/meter-changes.controller';
import { MetersController } from './meters/meters.controller';
import { ModelApprovalService } from './meters/model-approval.service';
import { ModelsController } from './meters/models.controller';
import { RegistrationService } from './meters/registration.service';
import { RevocationService } from './meters/revocation.service';
import { RotationService } from './meters/rotation.service';

// Only the document is read, so the services behind the controllers are never called.
@Module({
  controllers: [
    MetersController,
    MeterChangesController,
    ApprovalsController,
    ModelsController,
    LifecycleController,
  ],
  providers: [
    RegistrationService,
    RevocationService,
    RotationService,
    ApprovalQueueService,
    ModelApprovalService,
    LifecyclePublisherHost,
  ].map((token) => ({ provide: token, useValue: {} })),
})
class RegistrationDocsModule {}

interface Schema {
  safeParse(input: unknown): { success: boolean };
}

/** The document's pattern and the zod schema accept and refuse the same samples. */
function assertAgree(property: OpenApiSchema, schema: Schema, samples: readonly string[]): void {
  const pattern = patternOf(property);
  for (const sample of samples) {
    assert.equal(pattern.test(sample), schema.safeParse(sample).success, sample);
  }
}

describe('registration OpenAPI document', () => {
  let schemas: Record<string, OpenApiSchema>;
  before(async () => {
    schemas = await openApiSchemasOf(RegistrationDocsModule);
  });

  it('documents the registration request with the meter id pattern and required fields of its schema', () => {
    const request = schemaNamed(schemas, 'RegistrationRequestDto');
    assert.deepEqual(request.required, ['meterId', 'model', 'publicKeyPem']);
    assertAgree(propertyOf(request, 'meterId'), meterIdSchema, ['meter-0001', 'a:b.c_d', '-x', 'a b', '']);
  });

  it('documents the committed meter with the record, its transaction and the contract’s statuses', () => {
    const committed = schemaNamed(schemas, 'CommittedMeterDto');
    assert.equal(committed.required?.includes('transactionId'), true);
    assert.equal(committed.required.includes('revocation'), false, 'revocation is optional');
    assert.equal(propertyOf(committed, 'blockNumber').pattern, '^\\d+$');
    assert.deepEqual(propertyOf(committed, 'status').enum, [...METER_STATUSES]);
    assert.equal(propertyOf(committed, 'keyHistory').minItems, 1);
  });

  it('documents timestamps with the pattern the schema checks', () => {
    const heldAt = propertyOf(schemaNamed(schemas, 'HeldRegistrationDto'), 'heldAt');
    assertAgree(heldAt, isoTimestampSchema, [
      '2026-11-23T10:00:00Z',
      '2026-11-23T10:00:00.5+01:00',
      '2026-11-23T10:00:00',
      'yesterday',
    ]);
  });

  it('documents the publisher status with its nullable last event', () => {
    const status = schemaNamed(schemas, 'LifecyclePublisherStatusDto');
    const lastPublished = propertyOf(status, 'lastPublished');
    assert.equal(lastPublished.nullable, true);
    assert.deepEqual(lastPublished.required, ['txId', 'blockNumber', 'publishedAt']);
    assert.equal(status.required?.includes('lastPublished'), true, 'present, if null');
  });

  it('documents the rotation and revocation bodies with their bounds', () => {
    const revocation = schemaNamed(schemas, 'RevocationRequestDto');
    assert.deepEqual(revocation.required, ['reason']);
    assert.equal(propertyOf(revocation, 'reason').maxLength, 1000);
    assert.deepEqual(schemaNamed(schemas, 'RotationResponseDto').required, [
      'oldKeySignature',
      'newKeySignature',
    ]);
  });
});
