import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError, isDomainError } from './domain-error';

describe('DomainError', () => {
  it('carries code, retriability and frozen details', () => {
    const error = new DomainError({
      code: 'METER_UNKNOWN',
      message: 'no such meter',
      details: { meterId: 'm1' },
    });
    assert.equal(error.code, 'METER_UNKNOWN');
    assert.equal(error.retriable, false);
    assert.equal(error.name, 'DomainError');
    assert.ok(Object.isFrozen(error.details));
    assert.deepEqual(error.toJSON(), {
      code: 'METER_UNKNOWN',
      message: 'no such meter',
      details: { meterId: 'm1' },
    });
  });

  it('is recognised by the type guard only for domain errors', () => {
    assert.ok(isDomainError(new DomainError({ code: 'X', message: 'x', retriable: true })));
    assert.equal(isDomainError(new Error('x')), false);
  });
});
