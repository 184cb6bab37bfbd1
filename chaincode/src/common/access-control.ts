import { ROLE_ATTRIBUTE, type Role } from '@metrochain/contracts';
import type { Context } from 'fabric-contract-api';
import { ChaincodeError } from './chaincode-error';

/**
 * Fails with ROLE_FORBIDDEN unless the caller's certificate carries `role` in its role attribute; returns the
 * caller's MSP id, which is the organisation a write is attributed to.
 */
export function requireRole(ctx: Context, role: Role): string {
  const mspId = ctx.clientIdentity.getMSPID();
  const held = ctx.clientIdentity.getAttributeValue(ROLE_ATTRIBUTE);
  if (held !== role) {
    const holds = held === null ? 'no role' : `role '${held}'`;
    throw new ChaincodeError('ROLE_FORBIDDEN', `role '${role}' required; caller of ${mspId} holds ${holds}`, {
      requiredRole: role,
      mspId,
    });
  }
  return mspId;
}
