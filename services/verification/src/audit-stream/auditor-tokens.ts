import { createHash, timingSafeEqual } from 'node:crypto';
import { DomainError } from '@metrochain/errors';

export const StreamErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  STREAM_DISABLED: 'STREAM_DISABLED',
} as const;

/** An auditor allowed on the stream: a name for logs and the SHA-256 of its bearer token. */
export interface AuditorToken {
  name: string;
  digest: Buffer;
}

/**
 * Parses `name:sha256hex,name:sha256hex` (VERIFICATION_AUDITOR_TOKENS). Only digests are configured, so a leaked
 * configuration does not leak tokens. Throws on a malformed entry rather than starting with fewer auditors.
 */
export function parseAuditorTokens(value: string | undefined): AuditorToken[] {
  if (value === undefined || value.trim() === '') {
    return [];
  }
  return value.split(',').map((entry) => {
    const match = /^([A-Za-z0-9._-]{1,64}):([0-9a-f]{64})$/.exec(entry.trim());
    if (match?.[1] === undefined || match[2] === undefined) {
      throw new TypeError(
        `VERIFICATION_AUDITOR_TOKENS: expected name:sha256hex, got '${entry.slice(0, 20)}…'`,
      );
    }
    return { name: match[1], digest: Buffer.from(match[2], 'hex') };
  });
}

/** The auditor a bearer token belongs to; constant-time comparison of digests. */
export function authenticate(tokens: readonly AuditorToken[], authorization: string | undefined): string {
  if (tokens.length === 0) {
    throw new DomainError({
      code: StreamErrorCode.STREAM_DISABLED,
      message: 'no auditor tokens are configured: the stream is closed',
    });
  }
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  const digest = token === undefined ? undefined : createHash('sha256').update(token).digest();
  const auditor =
    digest === undefined ? undefined : tokens.find((entry) => timingSafeEqual(entry.digest, digest));
  if (auditor === undefined) {
    throw new DomainError({
      code: StreamErrorCode.UNAUTHENTICATED,
      message: 'a valid auditor bearer token is required',
    });
  }
  return auditor.name;
}
