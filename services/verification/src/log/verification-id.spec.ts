import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { verificationIdSchema } from '@metrochain/contracts';
import { batchIdFactory, formatVerificationId, parseVerificationId } from './verification-id';

const STARTED_AT = Date.parse('2025-03-01T12:00:00.000Z');

describe('verification ids', () => {
  it('formats <batch>.<index> and parses it back', () => {
    const id = formatVerificationId('vb-ptb-1-abc-7', 42);
    assert.equal(id, 'vb-ptb-1-abc-7.42');
    assert.deepEqual(parseVerificationId(id), { batchId: 'vb-ptb-1-abc-7', index: 42 });
  });

  it('parses nothing that is not a well-formed id', () => {
    for (const id of ['vb-1', 'vb-1.', 'vb-1.01', 'vb-1.-1', 'vb-1.1.2', '.1', 'vb 1.1', 'vb-1.1234567890']) {
      assert.equal(parseVerificationId(id), undefined, id);
    }
  });

  it('makes batch ids from instance, start time (base 36) and a counter, all valid in ids', () => {
    const next = batchIdFactory('PTB-host_1-3002', STARTED_AT);
    const stamp = STARTED_AT.toString(36);
    const ids = Array.from({ length: 36 }, () => next());
    assert.equal(ids[0], `vb-PTB-host_1-3002-${stamp}-1`);
    assert.equal(ids[34], `vb-PTB-host_1-3002-${stamp}-z`);
    assert.equal(ids[35], `vb-PTB-host_1-3002-${stamp}-10`);
    assert.equal(new Set(ids).size, 36);
    for (const id of ids) {
      assert.equal(verificationIdSchema.safeParse(formatVerificationId(id, 65_535)).success, true, id);
    }
  });

  it('keeps ids of the longest instance id within the id format', () => {
    const next = batchIdFactory('i'.repeat(64), STARTED_AT);
    const id = formatVerificationId(next(), 999_999_999);
    assert.equal(verificationIdSchema.safeParse(id).success, true, id);
  });

  it('gives a restarted instance different batch ids', () => {
    const before = batchIdFactory('ptb-1', STARTED_AT)();
    const after = batchIdFactory('ptb-1', STARTED_AT + 1)();
    assert.notEqual(before, after);
  });
});
