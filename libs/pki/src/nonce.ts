import { randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: a challenge nonce. Kept apart from the statements because it is not deterministic. */
export function newNonce(): string {
  return randomBytes(32).toString('base64url');
}
