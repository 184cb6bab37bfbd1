import { type ChaincodeErrorCode, parseChaincodeError } from '@metrochain/contracts';
import assert from 'node:assert/strict';
import { ChaincodeError } from '../common/chaincode-error';

/**
 * For `assert.throws` / `assert.rejects`: the error is a ChaincodeError with `code`, and a client parsing its
 * message finds the same code.
 */
export function chaincodeErrorWithCode(code: ChaincodeErrorCode): (error: unknown) => true {
  return (error: unknown): true => {
    assert.ok(error instanceof ChaincodeError, `expected a ChaincodeError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.equal(parseChaincodeError(error.message)?.code, code);
    return true;
  };
}
