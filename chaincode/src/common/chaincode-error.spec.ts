import { parseChaincodeError } from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ChaincodeError } from './chaincode-error';

describe('ChaincodeError', () => {
  it('puts the code in the message in the form clients parse', () => {
    const error = new ChaincodeError('NOT_FOUND', 'software version 1.0.0 is not approved', {
      version: '1.0.0',
    });
    assert.equal(error.message, '[NOT_FOUND] software version 1.0.0 is not approved');
    assert.deepEqual(parseChaincodeError(`peer said: ${error.message}`), {
      code: 'NOT_FOUND',
      message: 'software version 1.0.0 is not approved',
    });
  });

  it('is a domain error carrying code and details, not retriable', () => {
    const error = new ChaincodeError('ALREADY_EXISTS', 'taken', { version: '1.0.0' });
    assert.ok(error instanceof DomainError);
    assert.equal(error.name, 'ChaincodeError');
    assert.equal(error.code, 'ALREADY_EXISTS');
    assert.equal(error.retriable, false);
    assert.deepEqual(error.details, { version: '1.0.0' });
  });
});
