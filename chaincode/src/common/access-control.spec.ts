import { ROLE_ATTRIBUTE } from '@metrochain/contracts';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chaincodeErrorWithCode } from '../testing/chaincode-error-matcher';
import { newStubContext } from '../testing/stub-context';
import { requireRole } from './access-control';

describe('requireRole', () => {
  it('returns the caller MSP when the role attribute matches', () => {
    const { ctx } = newStubContext({ mspId: 'PTBMSP', attributes: { [ROLE_ATTRIBUTE]: 'governance' } });
    assert.equal(requireRole(ctx, 'governance'), 'PTBMSP');
  });

  it('rejects a caller without the role attribute, naming the role and the MSP', () => {
    const { ctx } = newStubContext({ mspId: 'LNEMSP', attributes: {} });
    assert.throws(() => requireRole(ctx, 'governance'), chaincodeErrorWithCode('ROLE_FORBIDDEN'));
    assert.throws(
      () => requireRole(ctx, 'governance'),
      /role 'governance' required; caller of LNEMSP holds no role/,
    );
  });

  it('rejects a caller holding another role', () => {
    const { ctx } = newStubContext({ mspId: 'PTBMSP', attributes: { [ROLE_ATTRIBUTE]: 'registrar' } });
    assert.throws(() => requireRole(ctx, 'governance'), chaincodeErrorWithCode('ROLE_FORBIDDEN'));
    assert.throws(() => requireRole(ctx, 'governance'), /holds role 'registrar'/);
  });

  it('reads the role from the metrochain role attribute only', () => {
    const { ctx } = newStubContext({ attributes: { role: 'governance', 'hf.Type': 'governance' } });
    assert.throws(() => requireRole(ctx, 'governance'), chaincodeErrorWithCode('ROLE_FORBIDDEN'));
  });
});
