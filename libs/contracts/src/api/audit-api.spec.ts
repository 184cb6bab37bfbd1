import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingsQuerySchema, softwareApprovalBodySchema } from './audit-api';

const FINGERPRINT = 'a'.repeat(64);

describe('audit API schemas', () => {
  it('give the findings query its default page size and refuse unknown parameters', () => {
    assert.deepEqual(findingsQuerySchema.parse({}), { limit: 100 });
    assert.equal(findingsQuerySchema.parse({ limit: '7' }).limit, 7);
    assert.equal(findingsQuerySchema.safeParse({ limit: '0' }).success, false);
    assert.equal(findingsQuerySchema.safeParse({ page: '2' }).success, false);
  });

  it('count a meter kind named twice in an approval once, and refuse unknown kinds', () => {
    const body = { version: '1.2.0', fingerprint: FINGERPRINT, meterKinds: ['speed', 'speed', 'energy'] };
    assert.deepEqual(softwareApprovalBodySchema.parse(body).meterKinds, ['speed', 'energy']);
    assert.equal(softwareApprovalBodySchema.safeParse({ ...body, meterKinds: ['water'] }).success, false);
    assert.equal(softwareApprovalBodySchema.safeParse({ ...body, meterKinds: [] }).success, false);
    assert.equal(softwareApprovalBodySchema.safeParse({ ...body, notifiedBody: 'x' }).success, false);
  });
});
